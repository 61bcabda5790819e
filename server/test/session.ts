import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { hashPassword } from '../src/auth/crypto.ts';
import type { AppContext } from '../src/context.ts';
import type { Role } from '../src/db/types.ts';
import { createUserWithRole, createWorkspace } from '../src/modules/workspaces/service.ts';

export const PASSWORD = 'correct horse battery staple';

/** A logged-in browser: keeps the session cookie and CSRF token like the web app does. */
export class Browser {
  cookie = '';
  csrf = '';
  constructor(private app: FastifyInstance) {}

  async login(email: string, password = PASSWORD) {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    this.absorb(res.headers['set-cookie']);
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    return res;
  }

  absorb(setCookie: string | string[] | undefined) {
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0] ?? '';
  }

  inject(opts: InjectOptions & { method: string; url: string }) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && !['GET', 'HEAD'].includes(opts.method.toUpperCase()))
      headers['x-csrf-token'] = this.csrf;
    return this.app.inject({ ...opts, headers });
  }
}

let counter = 0;
/** A workspace with one user per requested role (passwords = PASSWORD). */
export async function seedWorkspace(
  ctx: AppContext,
  rolesWanted: Role[] = ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
) {
  const n = ++counter;
  const ws = await createWorkspace(ctx, {
    name: `Testgemeente ${n} ${Math.random().toString(36).slice(2, 6)}`,
    gemeentecode: 'GM0599',
  });
  const users: Record<string, { id: string; email: string }> = {};
  for (const role of rolesWanted) {
    const email = `${role}.${ws.slug}@example.org`;
    users[role] = await createUserWithRole(ctx, {
      email,
      displayName: `${role} ${n}`,
      password: PASSWORD,
      workspaceId: ws.id,
      role,
    });
  }
  return { ws, users };
}

export { hashPassword };

import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { Browser, seedWorkspace } from '../../test/session.ts';
import { policy } from '../auth/policy.ts';
import { createApiToken } from '../modules/api-tokens/service.ts';
import { upsertMembership } from '../modules/workspaces/repo.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandling } from './problem.ts';

/**
 * The HTTP gate alone: routes whose handlers check nothing, so every refusal below comes from
 * registerAuth enforcing the declared policy before the handler runs.
 */
describeEachDialect('route policy gate (http/auth.ts)', (dialect) => {
  const t = useTestApp(dialect);
  let gate: FastifyInstance;
  let handled = 0;
  let A = { id: '', slug: '' };
  let B = { id: '', slug: '' };
  let admin: Browser;
  let member: Browser;
  let adminToken = '';

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin', 'member']);
    const b = await seedWorkspace(t().ctx, ['admin']);
    A = a.ws;
    B = b.ws;
    // A's admin is also a member of B: an API token scoped to A must still not reach B.
    await upsertMembership(t().ctx.db, {
      workspace_id: B.id,
      user_id: a.users.admin!.id,
      role: 'admin',
      created_at: new Date().toISOString(),
    });
    admin = new Browser(t().app);
    await admin.login(a.users.admin!.email);
    member = new Browser(t().app);
    await member.login(a.users.member!.email);
    adminToken = (
      await createApiToken(t().ctx, { kind: 'system' }, A.id, {
        name: 'gate',
        userId: a.users.admin!.id,
      })
    ).token;

    gate = Fastify({ logger: false });
    registerErrorHandling(gate);
    await gate.register(cookie);
    registerAuth(gate, t().ctx);
    const handler = async (request: { workspace?: { slug: string }; actor: { kind: string } }) => {
      handled++;
      return { actor: request.actor.kind, workspace: request.workspace?.slug ?? null };
    };
    gate.get('/public', { config: { policy: policy.public } }, handler);
    gate.get('/session', { config: { policy: policy.session } }, handler);
    gate.get('/authenticated', { config: { policy: policy.authenticated } }, handler);
    gate.get(
      '/w/:workspaceSlug/read',
      { config: { policy: policy.workspace('workspace.read') } },
      handler,
    );
    gate.get(
      '/w/:workspaceSlug/audit',
      { config: { policy: policy.workspace('audit.read') } },
      handler,
    );
    gate.post(
      '/w/:workspaceSlug/manage',
      { config: { policy: policy.workspace('members.manage', true) } },
      handler,
    );
    await gate.ready();
  });

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    as: Browser | string | null,
    extra: Record<string, string> = {},
  ) => {
    const headers: Record<string, string> = { ...extra };
    if (typeof as === 'string') headers.authorization = `Bearer ${as}`;
    else if (as) {
      headers.cookie = as.cookie;
      if (method === 'POST' && !('x-csrf-token' in extra)) headers['x-csrf-token'] = as.csrf;
    }
    const before = handled;
    const res = await gate.inject({
      method,
      url,
      headers,
      ...(method === 'POST' ? { payload: {} } : {}),
    });
    return {
      status: res.statusCode,
      code: res.statusCode >= 400 ? res.json<{ code: string }>().code : undefined,
      ran: handled > before,
      body: res.body,
      res,
    };
  };

  it('lets public routes through for anyone, but refuses an invalid bearer token', async () => {
    expect(await call('GET', '/public', null)).toMatchObject({ status: 200, ran: true });
    expect(await call('GET', '/public', 'wd_not-a-real-token-at-all')).toMatchObject({
      status: 401,
      code: 'invalid_token',
      ran: false,
    });
  });

  it('answers 401 to anonymous callers on every non-public policy, before the handler', async () => {
    for (const url of ['/session', '/authenticated', `/w/${A.slug}/read`, `/w/${A.slug}/audit`]) {
      expect(await call('GET', url, null), url).toMatchObject({
        status: 401,
        code: 'unauthenticated',
        ran: false,
      });
    }
    expect(await call('POST', `/w/${A.slug}/manage`, null)).toMatchObject({
      status: 401,
      ran: false,
    });
  });

  it('refuses API tokens on session-only routes with 403', async () => {
    expect(await call('GET', '/session', adminToken)).toMatchObject({
      status: 403,
      code: 'forbidden',
      ran: false,
    });
    expect(await call('POST', `/w/${A.slug}/manage`, adminToken)).toMatchObject({
      status: 403,
      code: 'forbidden',
      ran: false,
    });
    expect(await call('GET', '/authenticated', adminToken)).toMatchObject({
      status: 200,
      ran: true,
    });
  });

  it('answers 404 for a workspace the caller is not in, identical to one that does not exist', async () => {
    const other = await call('GET', `/w/${B.slug}/read`, member);
    const missing = await call('GET', '/w/bestaat-niet/read', member);
    expect(other).toMatchObject({ status: 404, code: 'not_found', ran: false });
    expect(missing).toMatchObject({ status: 404, code: 'not_found', ran: false });
    expect(other.body.replace(B.slug, 'X')).toBe(missing.body.replace('bestaat-niet', 'X'));
  });

  it('keeps a token inside its workspace even when its owner belongs to more', async () => {
    expect(await call('GET', `/w/${B.slug}/read`, admin)).toMatchObject({ status: 200, ran: true });
    expect(await call('GET', `/w/${A.slug}/audit`, adminToken)).toMatchObject({
      status: 200,
      ran: true,
    });
    expect(await call('GET', `/w/${B.slug}/read`, adminToken)).toMatchObject({
      status: 404,
      ran: false,
    });
  });

  it('answers 403 to members without the permission, and passes the workspace to the handler', async () => {
    expect(await call('GET', `/w/${A.slug}/audit`, member)).toMatchObject({
      status: 403,
      code: 'forbidden',
      ran: false,
    });
    expect(await call('POST', `/w/${A.slug}/manage`, member)).toMatchObject({
      status: 403,
      ran: false,
    });
    const ok = await call('GET', `/w/${A.slug}/read`, member);
    expect(ok).toMatchObject({ status: 200, ran: true });
    expect(JSON.parse(ok.body)).toEqual({ actor: 'user', workspace: A.slug });
    expect(ok.res.headers['cache-control']).toBe('no-store');
  });

  it('checks CSRF and the origin before anything else on state-changing requests', async () => {
    expect(await call('POST', `/w/${A.slug}/manage`, admin)).toMatchObject({
      status: 200,
      ran: true,
    });
    expect(
      await call('POST', `/w/${A.slug}/manage`, admin, { 'x-csrf-token': 'nope' }),
    ).toMatchObject({ status: 403, code: 'csrf_failed', ran: false });
    expect(
      await call('POST', `/w/${A.slug}/manage`, admin, { origin: 'https://evil.example' }),
    ).toMatchObject({ status: 403, code: 'cross_site_request', ran: false });
    expect(
      await call('POST', `/w/${A.slug}/manage`, null, { 'sec-fetch-site': 'cross-site' }),
    ).toMatchObject({ status: 403, code: 'cross_site_request', ran: false });
  });
});

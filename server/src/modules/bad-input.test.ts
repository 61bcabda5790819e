import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createApiToken } from './api-tokens/service.ts';
import { invite } from './invitations/service.ts';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { Browser, seedWorkspace } from '../../test/session.ts';

const TABLES = [
  'workspaces',
  'users',
  'memberships',
  'invitations',
  'sessions',
  'password_resets',
  'api_tokens',
  'audit_events',
  'outbox_emails',
] as const;

interface FieldError {
  pointer: string;
  location: string;
  code: string;
}

/** Bad input is refused with problem+json listing every error, and nothing is written. */
describeEachDialect('bad input', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Browser;
  let slugA = '';
  let slugB = '';
  const b = { memberId: '', invitationId: '', tokenId: '' };
  let snapshot: Record<string, unknown> = {};

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin', 'member']);
    const other = await seedWorkspace(t().ctx, ['admin', 'member']);
    slugA = a.ws.slug;
    slugB = other.ws.slug;
    b.memberId = other.users.member?.id ?? '';
    const adminB = {
      kind: 'user' as const,
      via: 'session' as const,
      userId: other.users.admin?.id ?? '',
      memberships: [{ workspaceId: other.ws.id, role: 'admin' as const }],
    };
    b.invitationId = (
      await invite(t().ctx, adminB, other.ws, {
        email: 'invited-b@example.org',
        role: 'member',
        language: 'nl',
      })
    ).id;
    b.tokenId = (await createApiToken(t().ctx, adminB, other.ws.id, { name: 'B' })).id;
    admin = new Browser(t().app);
    await admin.login(a.users.admin?.email ?? '');
  });

  /** Every row of every table: a refused write must leave all of them exactly as they were. */
  async function everything() {
    const db = t().ctx.db;
    const out: Record<string, unknown> = {};
    for (const table of TABLES) {
      const rows = await db.selectFrom(table).selectAll().execute();
      out[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  }
  beforeEach(async () => {
    snapshot = await everything();
  });
  const unchanged = async () => expect(await everything()).toEqual(snapshot);

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const raw = (method: Method, url: string, body: string, contentType = 'application/json') =>
    admin.inject({ method, url, payload: body, headers: { 'content-type': contentType } });
  const send = (method: Method, url: string, payload: object) =>
    admin.inject({ method, url, payload });
  const problem = (
    res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const p = res.json() as {
      status: number;
      code: string;
      title: string;
      type: string;
      errors?: FieldError[];
    };
    expect(p).toMatchObject({ status, code });
    expect(p.title).toBeTruthy();
    expect(p.type).toBeTruthy();
    return p;
  };
  const pointers = (p: { errors?: FieldError[] }) => (p.errors ?? []).map((e) => e.pointer).sort();

  it('malformed JSON → 400 malformed_json', async () => {
    const invitations = `/api/v1/workspaces/${slugA}/invitations`;
    problem(
      await raw('POST', invitations, '{"email": "x@example.org", "role": '),
      400,
      'malformed_json',
    );
    problem(await raw('POST', '/api/v1/auth/login', "{'email': 'x'}"), 400, 'malformed_json');
    problem(
      await raw('PATCH', `/api/v1/workspaces/${slugA}/members/${b.memberId}`, '{"role":"admin"'),
      400,
      'malformed_json',
    );
    problem(await raw('POST', invitations, ''), 400, 'malformed_json');
    await unchanged();
  });

  it('wrong types are refused, never coerced, with every error listed', async () => {
    const p = problem(
      await send('POST', `/api/v1/workspaces/${slugA}/invitations`, {
        email: 42,
        role: true,
        language: 'fr',
      }),
      400,
      'validation_failed',
    );
    expect(pointers(p)).toEqual(['/email', '/language', '/role']);
    expect(p.errors?.every((e) => e.location === 'body')).toBe(true);

    const numberish = problem(
      await send('POST', `/api/v1/workspaces/${slugA}/api-tokens`, { name: 12345 }),
      400,
      'validation_failed',
    );
    expect(pointers(numberish)).toEqual(['/name']);
    const list = problem(
      await send('PATCH', '/api/v1/me', { displayName: ['Ann'], language: null }),
      400,
      'validation_failed',
    );
    expect(pointers(list)).toEqual(['/displayName', '/language']);
    problem(
      await send('POST', '/api/v1/me/password', { currentPassword: 123, newPassword: false }),
      400,
      'validation_failed',
    );
    await unchanged();
  });

  it('unknown fields are refused', async () => {
    const p = problem(
      await send('POST', `/api/v1/workspaces/${slugA}/invitations`, {
        email: 'new@example.org',
        role: 'member',
        admin: true,
      }),
      400,
      'validation_failed',
    );
    expect(p.errors?.[0]?.code).toBe('unrecognized_keys');
    problem(
      await send('PATCH', '/api/v1/me', { displayName: 'Ann', isAdmin: true }),
      400,
      'validation_failed',
    );
    problem(
      await send('PATCH', `/api/v1/workspaces/${slugA}/members/${b.memberId}`, {
        role: 'admin',
        workspace: slugB,
      }),
      400,
      'validation_failed',
    );
    await unchanged();
  });

  it('several problems in one request are all listed', async () => {
    const p = problem(
      await send('POST', '/api/v1/invitations/accept', {
        token: 'short',
        password: 5,
        language: 'de',
        extra: 1,
      }),
      400,
      'validation_failed',
    );
    expect(p.errors?.length).toBeGreaterThanOrEqual(4);
    expect(pointers(p)).toEqual(expect.arrayContaining(['/token', '/password', '/language']));
    await unchanged();
  });

  it('invalid email addresses are refused', async () => {
    for (const email of [
      'not-an-email',
      'a@',
      '@example.org',
      'ann@example .org',
      `${'x'.repeat(250)}@example.org`,
    ]) {
      const p = problem(
        await send('POST', `/api/v1/workspaces/${slugA}/invitations`, { email, role: 'member' }),
        400,
        'validation_failed',
      );
      expect(pointers(p)).toEqual(['/email']);
    }
    expect(
      pointers(
        problem(
          await send('POST', '/api/v1/auth/password-reset-requests', { email: 'nobody' }),
          400,
          'validation_failed',
        ),
      ),
    ).toEqual(['/email']);
    expect(
      pointers(
        problem(
          await send('POST', '/api/v1/auth/login', { email: 'x', password: 'y' }),
          400,
          'validation_failed',
        ),
      ),
    ).toEqual(['/email']);
    await unchanged();
  });

  it('a body over 1 MiB → 413, a text/plain body → 415', async () => {
    const big = JSON.stringify({
      email: 'big@example.org',
      role: 'member',
      language: 'nl',
      pad: 'x'.repeat(1024 * 1024),
    });
    problem(
      await raw('POST', `/api/v1/workspaces/${slugA}/invitations`, big),
      413,
      'body_too_large',
    );
    problem(await raw('POST', '/api/v1/auth/login', big), 413, 'body_too_large');
    const text = await raw(
      'POST',
      `/api/v1/workspaces/${slugA}/invitations`,
      '{"email":"t@example.org","role":"member"}',
      'text/plain',
    );
    problem(text, 415, 'unsupported_media_type');
    problem(
      await raw(
        'POST',
        '/api/v1/auth/password-reset-requests',
        'email=a@example.org',
        'application/x-www-form-urlencoded',
      ),
      415,
      'unsupported_media_type',
    );
    await unchanged();
  });

  it("another workspace's member, invitation and token ids under this workspace's URL → 404, nothing changed", async () => {
    problem(
      await send('PATCH', `/api/v1/workspaces/${slugA}/members/${b.memberId}`, { role: 'admin' }),
      404,
      'not_found',
    );
    problem(
      await admin.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${slugA}/members/${b.memberId}`,
      }),
      404,
      'not_found',
    );
    problem(
      await admin.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${slugA}/invitations/${b.invitationId}`,
      }),
      404,
      'not_found',
    );
    problem(
      await admin.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${slugA}/api-tokens/${b.tokenId}`,
      }),
      404,
      'not_found',
    );
    // And B's own URLs are not reachable for A's admin at all.
    problem(
      await admin.inject({
        method: 'DELETE',
        url: `/api/v1/workspaces/${slugB}/invitations/${b.invitationId}`,
      }),
      404,
      'not_found',
    );
    problem(
      await send('PATCH', `/api/v1/workspaces/${slugB}/members/${b.memberId}`, { role: 'admin' }),
      404,
      'not_found',
    );
    await unchanged();
  });

  it('malformed ids and slugs in the path → 400, not a server error', async () => {
    const p = problem(
      await send('PATCH', `/api/v1/workspaces/${slugA}/members/not-a-uuid`, { role: 'admin' }),
      400,
      'validation_failed',
    );
    expect(p.errors?.[0]).toMatchObject({ pointer: '/userId', location: 'path' });
    problem(
      await admin.inject({ method: 'DELETE', url: `/api/v1/workspaces/${slugA}/invitations/123` }),
      400,
      'validation_failed',
    );
    problem(
      await admin.inject({ method: 'GET', url: '/api/v1/workspaces/Not_A_Slug/members' }),
      404,
      'not_found',
    );
    await unchanged();
  });
});

import { beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/api-tokens/service.ts';
import { findUserById } from '../../src/modules/auth/repo.ts';
import { findMembership } from '../../src/modules/workspaces/repo.ts';
import { describeEachDialect } from '../harness.ts';
import { Browser, seedWorkspace } from '../session.ts';
import { useSecurityApp } from './support.ts';

describeEachDialect('CSRF and cross-site protection', (dialect) => {
  const t = useSecurityApp(dialect);
  let slug = '';
  let wsId = '';
  let adminEmail = '';
  let memberId = '';
  let admin: Browser;

  beforeAll(async () => {
    const { ws, users } = await seedWorkspace(t().ctx, ['admin', 'member']);
    slug = ws.slug;
    wsId = ws.id;
    adminEmail = users.admin!.email;
    memberId = users.member!.id;
    admin = new Browser(t().app);
    await admin.login(adminEmail);
  });

  /** A cookie-authenticated request with full control over the CSRF header. */
  const withCookie = (
    method: string,
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) =>
    t().app.inject({
      method: method as 'POST',
      url,
      headers: { cookie: admin.cookie, ...headers },
      ...(payload ? { payload } : {}),
    });

  const invitations = async () =>
    Number(
      (
        await t()
          .ctx.db.selectFrom('invitations')
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .where('workspace_id', '=', wsId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const attempts: [string, string, () => object | undefined][] = [
    ['PATCH', '/api/v1/me', () => ({ displayName: 'Hacked' })],
    [
      'POST',
      '/api/v1/workspaces/:slug/invitations',
      () => ({ email: 'csrf@example.org', role: 'admin' }),
    ],
    ['PATCH', '/api/v1/workspaces/:slug/members/:member', () => ({ role: 'admin' })],
    ['DELETE', '/api/v1/workspaces/:slug/members/:member', () => undefined],
    ['POST', '/api/v1/auth/logout', () => undefined],
  ];

  for (const [label, headers] of [
    ['without X-CSRF-Token', {}],
    [
      'with a wrong X-CSRF-Token',
      { 'x-csrf-token': 'wrong-token-wrong-token-wrong-token-wrong12' },
    ],
    ['with an empty X-CSRF-Token', { 'x-csrf-token': '' }],
  ] as const) {
    it(`refuses cookie-authenticated POST/PATCH/DELETE ${label} with 403 csrf_failed and changes nothing`, async () => {
      const before = {
        name: (
          await findUserById(
            t().ctx.db,
            (await admin.inject({ method: 'GET', url: '/api/v1/me' })).json<{ id: string }>().id,
          )
        )?.display_name,
        invitations: await invitations(),
      };
      for (const [method, path, body] of attempts) {
        const url = path.replace(':slug', slug).replace(':member', memberId);
        const res = await withCookie(method, url, headers, body());
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('csrf_failed');
      }
      const me = await admin.inject({ method: 'GET', url: '/api/v1/me' });
      expect(me.statusCode).toBe(200); // logout did not happen
      expect(me.json().displayName).toBe(before.name);
      expect(await invitations()).toBe(before.invitations);
      expect((await findMembership(t().ctx.db, wsId, memberId))?.role).toBe('member');
    });
  }

  it('accepts the same requests with the right token (the refusals above are about the token only)', async () => {
    const res = await admin.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { displayName: 'Beheerder' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('Beheerder');
  });

  it('refuses Sec-Fetch-Site: cross-site and a foreign Origin, even with a valid CSRF token', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:3001' },
    ]) {
      const res = await admin.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers,
        payload: { displayName: 'Cross' },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('cross_site_request');
    }
    // Anonymous state-changing requests are checked too (login CSRF).
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: adminEmail, password: 'x' },
    });
    expect(login.statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: '/api/v1/me' })).json().displayName).toBe(
      'Beheerder',
    );
  });

  it('allows same-origin requests (Origin = PUBLIC_URL, Sec-Fetch-Site same-origin) and cross-site GETs', async () => {
    const same = await admin.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { origin: t().ctx.config.publicUrl, 'sec-fetch-site': 'same-origin' },
      payload: { language: 'nl' },
    });
    expect(same.statusCode).toBe(200);
    const get = await admin.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(get.statusCode).toBe(200);
  });

  it('bearer-token requests need no CSRF token', async () => {
    const { token } = await createApiToken(t().ctx, { kind: 'system' }, wsId, {
      name: 'csrf',
      userId: memberId,
    });
    const authorization = `Bearer ${token}`;
    // A state-changing request open to tokens: no CSRF header, accepted.
    const reset = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset-requests',
      headers: { authorization },
      payload: { email: 'nobody@example.org' },
    });
    expect(reset.statusCode).toBe(202);
    // A session-only route refuses the token for being a token, not for a missing CSRF token.
    const patch = await t().app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization },
      payload: { language: 'en' },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('forbidden');
    // A cookie next to a bearer token does not smuggle the session in.
    const both = await t().app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization, cookie: admin.cookie },
    });
    expect(both.json().id).toBe(memberId);
  });
});

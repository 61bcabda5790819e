import { beforeAll, expect, it } from 'vitest';
import { sha256 } from '../../auth/crypto.ts';
import { nowIso } from '../../context.ts';
import { upsertMembership } from '../workspaces/repo.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';

describeEachDialect('personal API tokens', (dialect) => {
  const t = useTestApp(dialect);
  let slugA = '';
  let slugB = '';
  let user = { id: '', email: '' };
  let browser: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin']);
    const b = await seedWorkspace(t().ctx, ['admin']);
    slugA = a.ws.slug;
    slugB = b.ws.slug;
    user = a.users.admin ?? user;
    // The same person is admin of B as well: the token of A must still not reach B.
    await upsertMembership(t().ctx.db, {
      workspace_id: b.ws.id,
      user_id: user.id,
      role: 'admin',
      created_at: nowIso(t().ctx),
    });
    browser = new Browser(t().app);
    await browser.login(user.email);
  });

  const create = (name = 'Koppeling') =>
    browser.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slugA}/api-tokens`,
      payload: { name },
    });
  const withToken = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t().app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const tokenRows = () => t().ctx.db.selectFrom('api_tokens').selectAll().execute();

  it('creates a token: the secret is shown once and stored only as its SHA-256', async () => {
    const res = await create();
    expect(res.statusCode, res.body).toBe(201);
    const { token, id, prefix } = res.json() as { token: string; id: string; prefix: string };
    expect(token).toMatch(/^wd_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const rows = await tokenRows();
    const row = rows.find((r) => r.id === id);
    expect(row?.token_hash).toBe(sha256(token));
    for (const r of rows) {
      for (const value of Object.values(r)) expect(String(value)).not.toContain(token);
    }
    expect(JSON.stringify(rows)).not.toContain(token.slice(prefix.length));

    const list = await browser.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slugA}/api-tokens`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json().items.find((i: { id: string }) => i.id === id)).toMatchObject({
      name: 'Koppeling',
      prefix,
      revokedAt: null,
    });
    expect(list.json().items[0]).not.toHaveProperty('token');
  });

  it('a bearer token reads /me and the member list of its own workspace only', async () => {
    const { token } = (await create('lezen')).json() as { token: string };
    const me = await withToken(token, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(user.email);
    expect(me.json()).not.toHaveProperty('csrfToken');
    // The token's view of the person is its own workspace, although the session sees A and B.
    expect(me.json().workspaces.map((w: { slug: string }) => w.slug)).toEqual([slugA]);
    const sessionMe = await browser.inject({ method: 'GET', url: '/api/v1/me' });
    expect(
      sessionMe
        .json()
        .workspaces.map((w: { slug: string }) => w.slug)
        .sort(),
    ).toEqual([slugA, slugB].sort());

    const members = await withToken(token, 'GET', `/api/v1/workspaces/${slugA}/members`);
    expect(members.statusCode).toBe(200);
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain(user.email);

    const other = await withToken(token, 'GET', `/api/v1/workspaces/${slugB}/members`);
    expect(other.statusCode).toBe(404);
    expect((await withToken(token, 'GET', `/api/v1/workspaces/${slugB}`)).statusCode).toBe(404);
    // The session of the same person does reach B.
    expect(
      (await browser.inject({ method: 'GET', url: `/api/v1/workspaces/${slugB}/members` }))
        .statusCode,
    ).toBe(200);

    const workspaces = await withToken(token, 'GET', '/api/v1/workspaces');
    expect(workspaces.json().items.map((w: { slug: string }) => w.slug)).toEqual([slugA]);

    const used = (await tokenRows()).find((r) => r.token_hash === sha256(token));
    expect(used?.last_used_at).toBe(nowIso(t().ctx));
  });

  it('a revoked token gets 401', async () => {
    const { token, id } = (await create('kort')).json() as { token: string; id: string };
    expect((await withToken(token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const del = await browser.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${slugA}/api-tokens/${id}`,
    });
    expect(del.statusCode).toBe(204);
    const after = await withToken(token, 'GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
    expect((await withToken(`${token}x`, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect(
      (
        await browser.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${slugA}/api-tokens/${id}`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a token can neither create tokens nor change the password (403: session only)', async () => {
    const { token } = (await create('beperkt')).json() as { token: string };
    const before = (await tokenRows()).length;
    const hash = async () =>
      (
        await t()
          .ctx.db.selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const hashBefore = await hash();

    const mint = await withToken(token, 'POST', `/api/v1/workspaces/${slugA}/api-tokens`, {
      name: 'nog een',
    });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().code).toBe('forbidden');
    const pw = await withToken(token, 'POST', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'taken over by a script',
    });
    expect(pw.statusCode).toBe(403);
    expect(
      (await withToken(token, 'GET', `/api/v1/workspaces/${slugA}/api-tokens`)).statusCode,
    ).toBe(403);

    expect((await tokenRows()).length).toBe(before);
    expect(await hash()).toBe(hashBefore);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { newToken, sha256 } from '../../src/auth/crypto.ts';
import { isoAfter, nowIso } from '../../src/context.ts';
import { createApiToken } from '../../src/modules/api-tokens/service.ts';
import { insertPasswordReset } from '../../src/modules/auth/repo.ts';
import { invite } from '../../src/modules/invitations/service.ts';
import { createUserWithRole, deactivateUser } from '../../src/modules/workspaces/service.ts';
import { describeEachDialect } from '../harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../session.ts';
import { useSecurityApp } from './support.ts';

const MIN = 60;

describeEachDialect('sessions and tokens', (dialect) => {
  const t = useSecurityApp(dialect);
  let ws = { id: '', slug: '', name: '' };
  let n = 0;
  beforeAll(async () => {
    ws = (await seedWorkspace(t().ctx, ['admin'])).ws;
  });

  /** A fresh user with a logged-in browser. */
  async function loggedIn() {
    const email = `s${++n}.${dialect}@example.org`;
    const user = await createUserWithRole(t().ctx, {
      email,
      displayName: `S ${n}`,
      password: PASSWORD,
      workspaceId: ws.id,
      role: 'member',
    });
    const b = new Browser(t().app);
    await b.login(email);
    return { b, email, id: user.id };
  }
  const status = async (b: Browser) =>
    (await b.inject({ method: 'GET', url: '/api/v1/me' })).statusCode;
  const sessionRows = async (userId: string) =>
    (
      await t()
        .ctx.db.selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .execute()
    ).length;

  it('ends a session after 30 minutes idle, not before', async () => {
    const { b, id } = await loggedIn();
    t().clock.advance(29 * MIN);
    expect(await status(b)).toBe(200);
    t().clock.advance(29 * MIN + 59); // 29:59 after the last request
    expect(await status(b)).toBe(200);
    t().clock.advance(30 * MIN); // exactly 30:00 idle
    expect(await status(b)).toBe(401);
    expect(await sessionRows(id)).toBe(0);
    t().clock.advance(-1); // going back does not revive it: the row is gone
    expect(await status(b)).toBe(401);
  });

  it('ends a session 12 hours after login even when it is used every 20 minutes', async () => {
    const { b } = await loggedIn();
    let elapsed = 0;
    while (elapsed + 20 * MIN < 12 * 3600) {
      t().clock.advance(20 * MIN);
      elapsed += 20 * MIN;
      expect(await status(b), `after ${elapsed / 3600} h`).toBe(200);
    }
    expect(elapsed).toBe(11 * 3600 + 40 * MIN);
    t().clock.advance(19 * MIN + 59);
    expect(await status(b)).toBe(200); // 11:59:59
    t().clock.advance(1);
    expect(await status(b)).toBe(401); // 12:00:00
  });

  it('refuses a session token after logout (reuse of the cookie)', async () => {
    const { b } = await loggedIn();
    const stolen = b.cookie;
    const out = await b.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    const reuse = await t().app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: stolen },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('unauthenticated');
    // Logging out again with the dead cookie is refused as well.
    const again = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: stolen, 'x-csrf-token': b.csrf },
    });
    expect(again.statusCode).toBe(401);
  });

  it('ends every session when the password changes, and the new session works', async () => {
    const { b, email, id } = await loggedIn();
    const other = new Browser(t().app);
    await other.login(email);
    expect(await sessionRows(id)).toBe(2);
    const res = await b.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword: PASSWORD, newPassword: 'een nieuw wachtwoord 2026' },
    });
    expect(res.statusCode).toBe(200);
    expect(await status(other)).toBe(401);
    expect(await status(b)).toBe(401); // the old cookie of the changing browser too
    b.absorb(res.headers['set-cookie']);
    expect(await status(b)).toBe(200);
    expect(await sessionRows(id)).toBe(1);
  });

  it('ends every session when the password is reset; the reset token works once and expires after 30 minutes', async () => {
    const { b, id } = await loggedIn();
    const token = newToken();
    await insertPasswordReset(t().ctx.db, {
      token_hash: sha256(token),
      user_id: id,
      created_at: nowIso(t().ctx),
      expires_at: isoAfter(t().ctx, 30 * MIN),
    });
    const body = { token, password: 'nog een nieuw wachtwoord' };
    expect(
      (await t().app.inject({ method: 'POST', url: '/api/v1/auth/password-resets', payload: body }))
        .statusCode,
    ).toBe(204);
    expect(await status(b)).toBe(401);
    const reuse = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-resets',
      payload: body,
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('token_invalid');

    const late = newToken();
    await insertPasswordReset(t().ctx.db, {
      token_hash: sha256(late),
      user_id: id,
      created_at: nowIso(t().ctx),
      expires_at: isoAfter(t().ctx, 30 * MIN),
    });
    t().clock.advance(30 * MIN);
    const expired = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-resets',
      payload: { token: late, password: 'weer een nieuw wachtwoord' },
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('token_invalid');
  });

  it('ends every session and token of a deactivated account, and refuses its login', async () => {
    const { b, email, id } = await loggedIn();
    const { token } = await createApiToken(t().ctx, { kind: 'system' }, ws.id, {
      name: 'x',
      userId: id,
    });
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(200);
    await deactivateUser(t().ctx, email);
    expect(await status(b)).toBe(401);
    expect(await sessionRows(id)).toBe(0);
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(401);
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
  });

  it('refuses a revoked API token and a malformed Authorization header', async () => {
    const { b, id } = await loggedIn();
    const created = await b.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws.slug}/api-tokens`,
      payload: { name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id: tokenId } = created.json<{ token: string; id: string }>();
    const bearer = { authorization: `Bearer ${token}` };
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).json().id,
    ).toBe(id);
    expect(
      (
        await b.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${ws.slug}/api-tokens/${tokenId}`,
        })
      ).statusCode,
    ).toBe(204);
    const revoked = await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('invalid_token');
    for (const authorization of [
      `Basic ${token}`,
      `Bearer ${token}x`,
      'Bearer',
      `Bearer  ${token}`,
    ]) {
      const res = await t().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization },
      });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it('accepts an invitation token once', async () => {
    const { token } = await invite(t().ctx, { kind: 'system' }, ws, {
      email: `inv.${dialect}@example.org`,
      role: 'member',
      language: 'nl',
    });
    const body = { token, displayName: 'Nieuw', password: PASSWORD };
    expect(
      (await t().app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: body }))
        .statusCode,
    ).toBe(200);
    const reuse = await t().app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: body,
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('token_invalid');
  });
});

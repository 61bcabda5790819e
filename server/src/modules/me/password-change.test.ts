import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';

describeEachDialect('password change', (dialect) => {
  const t = useTestApp(dialect);
  let email = '';
  let userId = '';
  beforeAll(async () => {
    const { users } = await seedWorkspace(t().ctx, ['member']);
    email = users.member?.email ?? '';
    userId = users.member?.id ?? '';
  });

  const login = (password: string) =>
    t().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const sessionCount = async () =>
    (
      await t()
        .ctx.db.selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .execute()
    ).length;
  const change = (b: Browser, currentPassword: string, newPassword: string) =>
    b.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      payload: { currentPassword, newPassword },
    });

  it('a wrong current password is refused (400) and nothing changes; every problem is listed', async () => {
    const b = new Browser(t().app);
    await b.login(email);
    const hashBefore = (
      await t()
        .ctx.db.selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).password_hash;
    const sessionsBefore = await sessionCount();

    const wrong = await change(b, `${PASSWORD}!`, 'an entirely new passphrase');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(wrong.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/currentPassword',
    ]);

    const all = await change(b, 'not it', 'password');
    expect(all.statusCode).toBe(400);
    expect(
      all
        .json()
        .errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)
        .sort(),
    ).toEqual([
      '/currentPassword invalid_credentials',
      '/newPassword password_too_common',
      '/newPassword too_short',
    ]);

    const weak = await change(b, PASSWORD, 'wachtwoord123');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('validation_failed');

    const hashAfter = (
      await t()
        .ctx.db.selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).password_hash;
    expect(hashAfter).toBe(hashBefore);
    expect(await sessionCount()).toBe(sessionsBefore);
    expect((await b.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await login(PASSWORD)).statusCode).toBe(200);
  });

  it('success ends every other session and continues in a new one', async () => {
    const b = new Browser(t().app);
    const other = new Browser(t().app);
    await b.login(email);
    await other.login(email);
    const oldCookie = b.cookie;
    const oldCsrf = b.csrf;

    const res = await change(b, PASSWORD, 'my new and long passphrase');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().email).toBe(email);
    b.absorb(res.headers['set-cookie']);
    b.csrf = res.json().csrfToken;
    expect(b.cookie).not.toBe(oldCookie);
    expect(b.csrf).not.toBe(oldCsrf);
    expect(await sessionCount()).toBe(1);

    expect((await b.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await other.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const stale = await t().app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: oldCookie },
    });
    expect(stale.statusCode).toBe(401);

    expect((await login(PASSWORD)).statusCode).toBe(401);
    expect((await login('my new and long passphrase')).statusCode).toBe(200);
    const notice = await t()
      .ctx.db.selectFrom('outbox_emails')
      .select('subject')
      .where('to_address', '=', email)
      .execute();
    expect(notice.map((n) => n.subject)).toContain('Uw wachtwoord voor Wijkdragers is gewijzigd');
  });
});

import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTransport, sendDueEmails } from '../../mail/outbox.ts';
import { createTestApp, describeEachDialect, type TestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';

const NEW_PASSWORD = 'a brand new passphrase 2026';

describeEachDialect('password reset by email', (dialect) => {
  let sink: SmtpSink;
  let t: TestApp;
  let email = '';
  let password = PASSWORD;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { smtpUrl: sink.url });
    const { users } = await seedWorkspace(t.ctx, ['member']);
    email = users.member?.email ?? '';
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}) });
  const outboxCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('outbox_emails')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const deliver = () => sendDueEmails(t.ctx, dialect, createTransport(t.ctx));
  const login = (pw: string) => inject('POST', '/api/v1/auth/login', { email, password: pw });

  /** Asks for a reset, delivers the outbox over SMTP and returns the token from the mailed link. */
  async function mailedToken(): Promise<string> {
    sink.clear();
    expect(
      (await inject('POST', '/api/v1/auth/password-reset-requests', { email })).statusCode,
    ).toBe(202);
    await deliver();
    const mail = await sink.waitFor(
      (m) => m.to.includes(email) && m.subject.includes('Nieuw wachtwoord'),
    );
    const link = /(\S+)#token=([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(link?.[1]).toBe(`${t.ctx.config.publicUrl}/wachtwoord-instellen`);
    return link?.[2] ?? '';
  }

  // Each test starts in a new rate-limit window (at most 3 reset emails per account per 15 min).
  beforeEach(() => t.clock.advance(15 * 60));

  it('answers 202 for known and unknown addresses alike; only a known one gets an email', async () => {
    const before = await outboxCount();
    const unknown = await inject('POST', '/api/v1/auth/password-reset-requests', {
      email: 'niemand@example.org',
    });
    expect(unknown.statusCode).toBe(202);
    expect(await outboxCount()).toBe(before);

    const known = await inject('POST', '/api/v1/auth/password-reset-requests', {
      email: email.toUpperCase(),
    });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(await outboxCount()).toBe(before + 1);
    const row = await t.ctx.db
      .selectFrom('outbox_emails')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.to_address).toBe(email);
    expect(row.status).toBe('pending');
    expect(row.body_text).toContain(`${t.ctx.config.publicUrl}/wachtwoord-instellen#token=`);
  });

  it('resets the password through the mailed link: all sessions end, the old password stops working, the link works once', async () => {
    const phone = new Browser(t.app);
    const laptop = new Browser(t.app);
    await phone.login(email, password);
    await laptop.login(email, password);
    const token = await mailedToken();

    const reset = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: NEW_PASSWORD,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    password = NEW_PASSWORD;

    expect((await phone.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await laptop.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const userId = (
      await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      await t.ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .execute(),
    ).toEqual([]);

    const old = await login(PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('invalid_credentials');
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);

    const again = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: 'yet another passphrase 99',
    });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe('token_invalid');
    expect((await login(NEW_PASSWORD)).statusCode).toBe(200);

    // The account holder is told that the password changed.
    await deliver();
    await sink.waitFor((m) => m.to.includes(email) && m.subject.includes('gewijzigd'));
  });

  it('a reset link expires after 30 minutes', async () => {
    const early = await mailedToken();
    const late = await mailedToken();
    t.clock.advance(29 * 60);
    const inTime = await inject('POST', '/api/v1/auth/password-resets', {
      token: early,
      password: 'in time passphrase 2026',
    });
    expect(inTime.statusCode, inTime.body).toBe(204);
    password = 'in time passphrase 2026';

    t.clock.advance(60);
    const expired = await inject('POST', '/api/v1/auth/password-resets', {
      token: late,
      password: 'too late passphrase 2026',
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('token_invalid');
    expect((await login('too late passphrase 2026')).statusCode).toBe(401);
    expect((await login(password)).statusCode).toBe(200);
  });

  it('refuses too-short and common passwords, listing every reason, and keeps the link usable', async () => {
    const token = await mailedToken();
    const both = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: 'password',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('validation_failed');
    expect(
      both
        .json()
        .errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)
        .sort(),
    ).toEqual(['/password password_too_common', '/password too_short']);

    const common = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: 'wachtwoord123',
    });
    expect(common.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'password_too_common',
    ]);
    const short = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: 'Xq7#vLp2',
    });
    expect(short.json().errors.map((e: { code: string }) => e.code)).toEqual(['too_short']);

    expect((await login(password)).statusCode).toBe(200);
    const ok = await inject('POST', '/api/v1/auth/password-resets', {
      token,
      password: 'finally a good passphrase',
    });
    expect(ok.statusCode, ok.body).toBe(204);
    password = 'finally a good passphrase';
    expect((await login(password)).statusCode).toBe(200);
  });

  it('an unknown token is refused', async () => {
    const res = await inject('POST', '/api/v1/auth/password-resets', {
      token: 'x'.repeat(43),
      password: 'whatever passphrase 2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('token_invalid');
    expect((await login(password)).statusCode).toBe(200);
  });
});

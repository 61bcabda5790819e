import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../session.ts';
import { useSecurityApp } from './support.ts';

describeEachDialect('password-reset and password-change rate limits', (dialect) => {
  const t = useSecurityApp(dialect);
  let email = '';
  let other = '';
  beforeAll(async () => {
    const { users } = await seedWorkspace(t().ctx, ['member', 'researcher']);
    email = users.member!.email;
    other = users.researcher!.email;
  });

  const resetRequest = (who: string, remoteAddress: string) =>
    t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset-requests',
      remoteAddress,
      payload: { email: who },
    });
  const outboxFor = async (to: string) =>
    (
      await t()
        .ctx.db.selectFrom('outbox_emails')
        .select('id')
        .where('to_address', '=', to)
        .execute()
    ).length;

  it('sends at most 3 reset emails per account per window, answering 202 every time', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await resetRequest(email, `198.51.100.${i}`)).statusCode, `request ${i}`).toBe(202);
    }
    expect(await outboxFor(email)).toBe(3);
    t().clock.advance(15 * 60);
    expect((await resetRequest(email, '198.51.100.9')).statusCode).toBe(202);
    expect(await outboxFor(email)).toBe(4);
  });

  it('answers 429 with Retry-After after 10 requests from one client, whatever the address', async () => {
    t().clock.advance(15 * 60);
    for (let i = 0; i < 10; i++) {
      const res = await resetRequest(`nobody${i}@example.org`, '203.0.113.5');
      expect(res.statusCode, `request ${i + 1}`).toBe(202);
    }
    const limited = await resetRequest(other, '203.0.113.5');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await outboxFor(other)).toBe(0);
    // Another client is not affected.
    expect((await resetRequest(other, '203.0.113.6')).statusCode).toBe(202);
    expect(await outboxFor(other)).toBe(1);
  });

  it('limits wrong current passwords on a password change like failed logins', async () => {
    t().clock.advance(15 * 60);
    const b = new Browser(t().app);
    await b.login(other);
    const change = (currentPassword: string) =>
      b.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        payload: { currentPassword, newPassword: 'a brand new passphrase 42' },
      });
    for (let i = 1; i <= 5; i++) {
      expect((await change(`wrong guess ${i}`)).statusCode, `guess ${i}`).toBe(400);
    }
    const limited = await change(PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });
});

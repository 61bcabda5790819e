import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../harness.ts';
import { PASSWORD, seedWorkspace } from '../session.ts';
import { useSecurityApp } from './support.ts';

describeEachDialect('login rate limit', (dialect) => {
  const t = useSecurityApp(dialect);
  let email = '';
  let other = '';
  beforeAll(async () => {
    const { users } = await seedWorkspace(t().ctx, ['member', 'researcher']);
    email = users.member!.email;
    other = users.researcher!.email;
  });

  const login = (who: string, password: string, remoteAddress = '192.0.2.10') =>
    t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { email: who, password },
    });

  it('answers 429 with Retry-After after 5 failures for one account, refuses the right password while limited, and allows it after the window', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await login(email, `wrong password ${i}`, `192.0.2.${i}`); // from different clients
      expect(res.statusCode, `failure ${i}`).toBe(401);
    }
    const limited = await login(email, 'wrong password 6');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('rate_limited');
    const retryAfter = String(limited.headers['retry-after']);
    expect(retryAfter).toMatch(/^\d+$/);
    const seconds = Number(retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);

    const right = await login(email, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();

    // Another account is not affected.
    expect((await login(other, PASSWORD)).statusCode).toBe(200);

    t().clock.advance(seconds - 1);
    expect((await login(email, PASSWORD)).statusCode).toBe(429);
    t().clock.advance(1);
    const after = await login(email, PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(after.headers['set-cookie']).toBeDefined();
  });

  it('counts failures per account case-insensitively', async () => {
    t().clock.advance(15 * 60);
    for (let i = 0; i < 5; i++) await login(i % 2 ? other.toUpperCase() : other, 'wrong password');
    expect((await login(other, PASSWORD)).statusCode).toBe(429);
  });

  it('stores neither the email address nor the client address in the rate-limit table', async () => {
    const rows = await t().ctx.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows).toLowerCase();
    for (const secret of [email, other, '192.0.2.10', '192.0.2.1'])
      expect(text).not.toContain(secret.toLowerCase());
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';

describeEachDialect('login and sessions', (dialect) => {
  const t = useTestApp(dialect);
  let email = '';
  beforeAll(async () => {
    const { users } = await seedWorkspace(t().ctx, ['member']);
    email = users.member?.email ?? '';
  });

  it('logs in, reads /me with the session, and logs out', async () => {
    const b = new Browser(t().app);
    await b.login(email);
    const me = await b.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(email);
    expect(me.headers['cache-control']).toBe('no-store');
    const out = await b.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await b.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password with problem+json', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: `${PASSWORD}x` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('invalid_credentials');
  });
});

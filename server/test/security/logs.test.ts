import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../harness.ts';
import { PASSWORD, seedWorkspace } from '../session.ts';
import { findLeaks, useSecurityApp } from './support.ts';

const CLIENT_IP = '203.0.113.77';
const FORWARDED = '198.51.100.23';

for (const scenario of [
  { title: 'direct', overrides: { logLevel: 'trace' as const } },
  {
    title: 'behind a proxy (TRUST_PROXY=true)',
    overrides: { logLevel: 'trace' as const, trustProxy: true },
  },
]) {
  describeEachDialect(`no IP addresses or personal data in logs, ${scenario.title}`, (dialect) => {
    const t = useSecurityApp(dialect, scenario.overrides);
    const secrets: string[] = [CLIENT_IP, FORWARDED, PASSWORD];
    let slug = '';
    let adminEmail = '';

    beforeAll(async () => {
      const { ws, users } = await seedWorkspace(t().ctx, ['admin', 'member']);
      slug = ws.slug;
      adminEmail = users.admin!.email;
      secrets.push(adminEmail, users.member!.email);
    });

    it('logs requests of every kind without the client address, emails, passwords, tokens or cookies', async () => {
      const app = t().app;
      const net = {
        remoteAddress: CLIENT_IP,
        headers: {
          'x-forwarded-for': `${FORWARDED}, ${CLIENT_IP}`,
          'user-agent': `agent ${CLIENT_IP}`,
        },
      };
      const inject = (opts: {
        method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
        url: string;
        payload?: object;
        headers?: Record<string, string>;
      }) =>
        app.inject({
          ...opts,
          remoteAddress: net.remoteAddress,
          headers: { ...net.headers, ...opts.headers },
        });

      const logsBefore = t().logs.length;
      const failed = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: adminEmail, password: `${PASSWORD} wrong` },
      });
      expect(failed.statusCode).toBe(401);
      secrets.push(`${PASSWORD} wrong`);
      const ok = await inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: adminEmail, password: PASSWORD },
      });
      expect(ok.statusCode).toBe(200);
      const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
      const csrf = ok.json<{ csrfToken: string }>().csrfToken;
      secrets.push(cookie.split('=')[1]!, csrf);
      const h = { cookie, 'x-csrf-token': csrf };

      const invited = await inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/invitations`,
        headers: h,
        payload: { email: `invitee.${dialect}@example.org`, role: 'member' },
      });
      expect(invited.statusCode).toBe(201);
      secrets.push(`invitee.${dialect}@example.org`);
      const token = await inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/api-tokens`,
        headers: h,
        payload: { name: 'logs' },
      });
      expect(token.statusCode).toBe(201);
      const apiToken = token.json<{ token: string }>().token;
      secrets.push(apiToken);
      expect(
        (
          await inject({
            method: 'GET',
            url: '/api/v1/me',
            headers: { authorization: `Bearer ${apiToken}` },
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (
          await inject({
            method: 'GET',
            url: '/api/v1/me',
            headers: { authorization: `Bearer ${apiToken}x` },
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (
          await inject({
            method: 'POST',
            url: '/api/v1/auth/password-reset-requests',
            payload: { email: adminEmail },
          })
        ).statusCode,
      ).toBe(202);
      // Invalid input echoes nothing personal into the logs either.
      expect(
        (
          await inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: `x-${CLIENT_IP}`, password: PASSWORD },
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await inject({
            method: 'GET',
            url: `/api/v1/workspaces/${slug}/members?email=${encodeURIComponent(adminEmail)}`,
            headers: h,
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (await inject({ method: 'GET', url: `/nowhere?token=${apiToken}` })).statusCode,
      ).toBeLessThan(600);
      expect((await inject({ method: 'GET', url: '/api/v1/%E0%A4%A' })).statusCode).toBe(400);
      expect(
        (await inject({ method: 'POST', url: '/api/v1/auth/logout', headers: h })).statusCode,
      ).toBe(204);

      const lines = t().logs.slice(logsBefore);
      // The logs are really captured (method, path and status are there) ...
      expect(lines.length).toBeGreaterThan(20);
      expect(lines.join('\n')).toContain('/api/v1/auth/login');
      expect(lines.join('\n')).toContain('"statusCode":401');
      // ... and nothing that identifies a person or opens a session.
      const leaks = findLeaks(lines, secrets);
      expect(leaks, JSON.stringify(leaks, null, 2)).toEqual([]);
      for (const line of lines) {
        expect(line, line).not.toMatch(
          /remoteAddress|remotePort|"ip"|x-forwarded-for|user-agent|cookie|authorization/i,
        );
      }
    });

    it('uses the forwarded client address only for rate limiting, keyed and hashed', async () => {
      const rows = await t().ctx.db.selectFrom('rate_limits').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(CLIENT_IP);
      expect(JSON.stringify(rows)).not.toContain(FORWARDED);
    });
  });
}

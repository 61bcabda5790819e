import { beforeAll, expect, it } from 'vitest';
import { invite } from '../../src/modules/invitations/service.ts';
import { describeEachDialect } from '../harness.ts';
import { PASSWORD, seedWorkspace } from '../session.ts';
import { httpsOverrides, useSecurityApp } from './support.ts';

interface ParsedCookie {
  name: string;
  value: string;
  attrs: Map<string, string>;
}

function parseSetCookie(header: string | string[] | undefined): ParsedCookie[] {
  return [header ?? []].flat().map((line) => {
    const [pair = '', ...rest] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const attrs = new Map(
      rest.map((a) => {
        const i = a.indexOf('=');
        return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
      }),
    );
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
  });
}

for (const scenario of [
  { title: 'on localhost', overrides: {}, name: 'wd_session', secure: false },
  {
    title: 'with PUBLIC_URL=https://wijk.example.nl',
    overrides: httpsOverrides(),
    name: '__Host-wd_session',
    secure: true,
  },
]) {
  describeEachDialect(`session cookie ${scenario.title}`, (dialect) => {
    const t = useSecurityApp(dialect, scenario.overrides);
    let email = '';
    let ws = { id: '', name: '' };
    beforeAll(async () => {
      const seeded = await seedWorkspace(t().ctx, ['admin']);
      email = seeded.users.admin!.email;
      ws = seeded.ws;
    });

    const expectSessionCookie = (c: ParsedCookie | undefined) => {
      expect(c?.name).toBe(scenario.name);
      expect(c?.attrs.has('httponly')).toBe(true);
      expect(c?.attrs.get('samesite')?.toLowerCase()).toBe('lax');
      expect(c?.attrs.get('path')).toBe('/');
      expect(c?.attrs.has('secure')).toBe(scenario.secure);
      // __Host- cookies must not carry a Domain; we never set one.
      expect(c?.attrs.has('domain')).toBe(false);
    };

    it(`login sets ${scenario.name} (HttpOnly, SameSite=Lax, Path=/, Secure=${scenario.secure})`, async () => {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookies = parseSetCookie(res.headers['set-cookie']);
      expect(cookies).toHaveLength(1);
      const c = cookies[0];
      expectSessionCookie(c);
      expect(c!.value.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
      // The cookie authenticates under its own name, and only under it.
      const me = await t().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `${c!.name}=${c!.value}` },
      });
      expect(me.statusCode).toBe(200);
      const other = scenario.secure ? 'wd_session' : '__Host-wd_session';
      const wrong = await t().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `${other}=${c!.value}` },
      });
      expect(wrong.statusCode).toBe(401);
    });

    it('every response that sets the cookie uses the same attributes (password change, logout, invitation)', async () => {
      const login = await t().app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: PASSWORD },
      });
      const c = parseSetCookie(login.headers['set-cookie'])[0]!;
      const headers = {
        cookie: `${c.name}=${c.value}`,
        'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
      };

      const changed = await t().app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers,
        payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
      });
      expect(changed.statusCode).toBe(200);
      const renewed = parseSetCookie(changed.headers['set-cookie'])[0];
      expectSessionCookie(renewed);
      expect(renewed!.value).not.toBe(c.value);

      const out = await t().app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: {
          cookie: `${renewed!.name}=${renewed!.value}`,
          'x-csrf-token': changed.json<{ csrfToken: string }>().csrfToken,
        },
      });
      expect(out.statusCode).toBe(204);
      const cleared = parseSetCookie(out.headers['set-cookie'])[0];
      expectSessionCookie(cleared);
      expect(cleared!.value).toBe('');
      const expires = Date.parse(cleared!.attrs.get('expires') ?? '');
      expect(cleared!.attrs.get('max-age') === '0' || expires < Date.now()).toBe(true);

      const { token } = await invite(t().ctx, { kind: 'system' }, ws, {
        email: `cookie.${dialect}.${scenario.secure}@example.org`,
        role: 'member',
        language: 'nl',
      });
      const accepted = await t().app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, displayName: 'Nieuw', password: PASSWORD },
      });
      expect(accepted.statusCode).toBe(200);
      expectSessionCookie(parseSetCookie(accepted.headers['set-cookie'])[0]);
    });

    it(`HSTS is ${scenario.secure ? 'sent' : 'not sent'}`, async () => {
      const res = await t().app.inject({ method: 'GET', url: '/healthz' });
      if (scenario.secure) {
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
      } else {
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });
  });
}

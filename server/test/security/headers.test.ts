import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { API_VERSION } from '../../src/http/openapi.ts';
import { describeEachDialect } from '../harness.ts';
import { Browser, seedWorkspace } from '../session.ts';
import { fillPath, httpsOverrides, routeKey, useSecurityApp } from './support.ts';

/** A built web app in a temp folder, so the static routes are exercised without `npm run build`. */
function fakeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'wd-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html lang="nl"><title>Wijkdragers</title><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  return root;
}

function expectSecurityHeaders(res: LightMyRequestResponse, label: string, https: boolean) {
  const h = res.headers;
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, `${label}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${label}: CSP`).toContain("default-src 'self'");
  expect(csp, `${label}: CSP`).toMatch(/script-src 'self'(;|$)/);
  expect(csp, `${label}: CSP`).not.toContain('unsafe-inline');
  expect(csp, `${label}: CSP`).not.toContain('unsafe-eval');
  expect(h['x-content-type-options'], `${label}: nosniff`).toBe('nosniff');
  expect(
    ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'],
    `${label}: Referrer-Policy`,
  ).toContain(h['referrer-policy']);
  expect(h['x-frame-options'], `${label}: X-Frame-Options`).toBe('DENY');
  expect(h['api-version'], `${label}: API-Version`).toBe(API_VERSION);
  if (https)
    expect(h['strict-transport-security'], `${label}: HSTS`).toMatch(
      /^max-age=\d+; includeSubDomains/,
    );
  else expect(h['strict-transport-security'], `${label}: HSTS on http`).toBeUndefined();
}

for (const scenario of [
  { title: 'localhost', overrides: {}, https: false },
  { title: 'https', overrides: httpsOverrides(), https: true },
]) {
  describeEachDialect(`security headers on every route (${scenario.title})`, (dialect) => {
    const t = useSecurityApp(dialect, scenario.overrides, { webRoot: fakeWebRoot() });
    let slug = '';
    let browser: Browser;
    beforeAll(async () => {
      const { ws, users } = await seedWorkspace(t().ctx, ['admin']);
      slug = ws.slug;
      browser = new Browser(t().app);
      await browser.login(users.admin!.email);
    });

    it('on every inventoried route, anonymous and authenticated, with no-store when authenticated', async () => {
      let checked = 0;
      for (const route of t().routes) {
        const url = fillPath(route.url.replace('*', 'werkruimte/demo'), { workspaceSlug: slug });
        const method = route.method as 'GET';
        const body = ['GET', 'HEAD', 'DELETE'].includes(method) ? {} : { payload: {} };
        const anon = await t().app.inject({ method, url, ...body });
        expectSecurityHeaders(
          anon,
          `anonymous ${routeKey(route)} → ${anon.statusCode}`,
          scenario.https,
        );
        if (url.startsWith('/api/') && !url.startsWith('/api/v1/openapi'))
          expect(anon.headers['cache-control'], `anonymous ${url}`).toBe('no-store');
        // Read-only requests only: the session must survive the loop.
        if (method === 'GET' || method === 'HEAD') {
          const authed = await browser.inject({ method, url });
          expect(authed.statusCode, `authenticated ${routeKey(route)}`).toBeLessThan(500);
          expectSecurityHeaders(
            authed,
            `authenticated ${routeKey(route)} → ${authed.statusCode}`,
            scenario.https,
          );
          if (route.policy?.auth === 'static') {
            // Assets and health checks never look at the session: same caching for everyone.
            expect(authed.headers['cache-control'], routeKey(route)).toBe(
              anon.headers['cache-control'],
            );
          } else {
            expect(authed.headers['cache-control'], `authenticated ${routeKey(route)}`).toBe(
              'no-store',
            );
          }
        }
        checked++;
      }
      expect(checked).toBe(t().routes.length);
    });

    it('on 404s, errors, health checks, the OpenAPI document and web paths', async () => {
      const app = t().app;
      const cases: [string, InjectOptions, number][] = [
        ['unknown API path', { method: 'GET', url: '/api/v1/does-not-exist' }, 404],
        [
          'malformed URL (answered before routing)',
          { method: 'GET', url: '/api/v1/%E0%A4%A' },
          400,
        ],
        ['malformed web URL', { method: 'GET', url: '/%E0%A4%A' }, 400],
        ['unknown method', { method: 'PUT', url: '/api/v1/me', payload: {} }, 404],
        ['unknown POST path', { method: 'POST', url: '/nowhere', payload: {} }, 404],
        [
          'malformed JSON',
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'content-type': 'application/json' },
            payload: '{"email":',
          },
          400,
        ],
        [
          'wrong media type',
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'content-type': 'text/plain' },
            payload: 'hi',
          },
          415,
        ],
        [
          'body too large',
          {
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'content-type': 'application/json' },
            payload: `{"email":"${'a'.repeat(1024 * 1024 + 10)}"}`,
          },
          413,
        ],
        [
          'invalid input',
          { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nope' } },
          400,
        ],
        ['healthz', { method: 'GET', url: '/healthz' }, 200],
        ['readyz', { method: 'GET', url: '/readyz' }, 200],
        ['openapi.json', { method: 'GET', url: '/api/v1/openapi.json' }, 200],
        ['web root', { method: 'GET', url: '/' }, 200],
        ['web page', { method: 'GET', url: '/toegankelijkheid' }, 200],
        ['web asset', { method: 'GET', url: '/assets/app.js' }, 200],
        ['path traversal', { method: 'GET', url: '/assets/../../etc/passwd' }, 200],
      ];
      for (const [label, req, status] of cases) {
        const res = await app.inject(req);
        expect(res.statusCode, label).toBe(status);
        expectSecurityHeaders(res, label, scenario.https);
        if (status >= 400)
          expect(res.headers['content-type'], label).toContain('application/problem+json');
        if (label === 'path traversal') expect(res.body).not.toContain('root:');
      }
    });

    it('serves the OpenAPI document with CORS * and the web app without CORS', async () => {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await t().app.inject({ method, url: '/api/v1/openapi.json' });
        expect(res.headers['access-control-allow-origin'], method).toBe('*');
      }
      for (const url of ['/api/v1/me', '/', '/healthz']) {
        expect(
          (await t().app.inject({ method: 'GET', url })).headers['access-control-allow-origin'],
          url,
        ).toBeUndefined();
      }
    });
  });
}

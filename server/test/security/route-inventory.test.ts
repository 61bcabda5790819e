import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { policy } from '../../src/auth/policy.ts';
import { loadConfig } from '../../src/config.ts';
import { systemClock, type AppContext } from '../../src/context.ts';
import { registerAuth } from '../../src/http/auth.ts';
import { describeEachDialect } from '../harness.ts';
import { isApiRoute, routeKey, useSecurityApp } from './support.ts';

describeEachDialect('route-policy inventory', (dialect) => {
  const t = useSecurityApp(dialect);

  it('every registered route declares a policy', () => {
    const routes = t().routes;
    console.info(
      `[inventory ${dialect}] ${routes.length} routes (${routes.filter((r) => r.method !== 'HEAD').length} without HEAD, ${routes.filter(isApiRoute).length} under /api/v1)`,
    );
    // The inventory must really be the app's routes, not an empty list that trivially passes.
    expect(routes.length).toBeGreaterThan(20);
    for (const probe of [
      'POST /api/v1/auth/login',
      'GET /api/v1/openapi.json',
      'GET /healthz',
      'GET /*',
      'HEAD /api/v1/me',
    ]) {
      expect(routes.map(routeKey)).toContain(probe);
    }
    for (const r of routes) {
      const [method, url] = [r.method, r.url];
      expect(t().app.hasRoute({ method: method as 'GET', url }), routeKey(r)).toBe(true);
    }
    const missing = routes.filter((r) => !r.policy).map(routeKey);
    expect(missing, `routes without config.policy:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every policy is one of the known shapes', () => {
    const shapes = new Set(['static', 'public', 'session', 'authenticated', 'workspace']);
    for (const r of t().routes) expect(shapes.has(r.policy?.auth ?? ''), routeKey(r)).toBe(true);
  });
});

function bareApp() {
  const app = Fastify({ logger: false });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    SESSION_SECRET: 'x'.repeat(40),
  });
  const ctx = {
    config,
    db: undefined as never,
    clock: systemClock,
    log: app.log,
  } satisfies AppContext;
  registerAuth(app, ctx);
  return app;
}

it('refuses to register a route without a policy, whatever its method or path', async () => {
  const app = bareApp();
  expect(() => app.get('/api/v1/anything', () => 'x')).toThrow(/declares no policy/);
  expect(() => app.route({ method: 'HEAD', url: '/api/v1/head', handler: () => 'x' })).toThrow(
    /declares no policy/,
  );
  expect(() => app.post('/api/v1/openapi-extra', () => 'x')).toThrow(/declares no policy/);
  expect(() => app.get('/healthz-2', { config: {} }, () => 'x')).toThrow(/declares no policy/);
  expect(() => app.get('/ok', { config: { policy: policy.public } }, () => 'ok')).not.toThrow();
  await app.close();
});

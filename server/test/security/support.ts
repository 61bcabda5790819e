import { Writable } from 'node:stream';
import type { RouteOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuildOptions } from '../../src/app.ts';
import type { RoutePolicy } from '../../src/auth/policy.ts';
import { loadConfig, type Config, type Dialect } from '../../src/config.ts';
import { openDatabase } from '../../src/db/dialect.ts';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  TestClock,
  testConfig,
  type TestApp,
  type TestDatabase,
} from '../harness.ts';

/** One registered route as the onRoute hook saw it (HEAD routes included). */
export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

export interface SecurityApp extends TestApp {
  /** Every route registered while building the app, in registration order. */
  routes: RouteEntry[];
}

/** Config overrides as loadConfig derives them from PUBLIC_URL=https://wijk.example.nl. */
export function httpsOverrides(publicUrl = 'https://wijk.example.nl'): Partial<Config> {
  const c = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: 'sqlite::memory:',
    SESSION_SECRET: 'x'.repeat(40),
    SMTP_URL: 'smtp://127.0.0.1:2525',
    PUBLIC_URL: publicUrl,
    RESEARCH_PSEUDONYM_KEY: 'r'.repeat(40),
    FIELD_ENCRYPTION_KEY: 'f'.repeat(64),
  });
  return { publicUrl: c.publicUrl, secureCookies: c.secureCookies };
}

/** Like the harness's createTestApp, plus a route inventory collected by an onRoute hook. */
export async function createSecurityApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  build: Pick<BuildOptions, 'webRoot'> = {},
): Promise<SecurityApp> {
  const testDb = await createTestDatabase(dialect);
  const clock = new TestClock();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const routes: RouteEntry[] = [];
  const onRoute = (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      routes.push({ method: String(method), url: route.url, policy: route.config?.policy });
    }
  };
  const database = openDatabase(testDb.url);
  const built = await buildApp(testConfig(testDb.url, overrides), {
    ...build,
    clock,
    logStream,
    database,
    onRoute,
  });
  return {
    ...built,
    clock,
    logs,
    testDb,
    routes,
    close: async () => {
      await built.app.close();
      await database.destroy();
      await settled(testDb);
      await testDb.drop();
    },
  };
}

/**
 * pg's pool.end() resolves before its sockets have closed; dropping the database `with (force)`
 * right then kills those connections and surfaces as an unhandled FATAL 57P01. Wait them out.
 */
async function settled(testDb: TestDatabase): Promise<void> {
  if (testDb.dialect !== 'postgres') return;
  const name = new URL(testDb.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const r = await admin.query<{ n: string }>(
        'select count(*) as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (Number(r.rows[0]?.n) === 0) return;
      await new Promise((done) => setTimeout(done, 20));
    }
  } finally {
    await admin.end();
  }
}

export function useSecurityApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  build: Pick<BuildOptions, 'webRoot'> = {},
): () => SecurityApp {
  let t: SecurityApp | undefined;
  beforeAll(async () => {
    t = await createSecurityApp(dialect, overrides, build);
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('security test app not started');
    return t;
  };
}

export const API_PREFIX = '/api/v1';
export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
export const isApiRoute = (r: RouteEntry) => r.url.startsWith(`${API_PREFIX}/`);

/** Replaces `:name` segments with values (missing ones get a random-looking UUID). */
export function fillPath(url: string, params: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    encodeURIComponent(params[name] ?? '00000000-0000-4000-8000-000000000000'),
  );
}

/** Every string a captured log line or stored row must never contain. */
export function findLeaks(
  haystacks: string[],
  secrets: string[],
): { secret: string; where: string }[] {
  const leaks: { secret: string; where: string }[] = [];
  for (const secret of secrets.filter((s) => s.length >= 6)) {
    for (const h of haystacks) {
      if (h.toLowerCase().includes(secret.toLowerCase()))
        leaks.push({ secret, where: h.slice(0, 300) });
    }
  }
  return leaks;
}

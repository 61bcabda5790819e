import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp, type Built } from '../src/app.ts';
import { loadConfig, type Config, type Dialect } from '../src/config.ts';
import type { Clock } from '../src/context.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/dialect.ts';

/**
 * Test harness: every module test runs once per dialect. SQLite gets a fresh in-memory database;
 * PostgreSQL a fresh database per test file, dropped afterwards. PostgreSQL is required when
 * CI=true and skipped with a loud notice otherwise.
 */

export const CI = process.env.CI === 'true';
export const PG_ADMIN_URL =
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgReachable: boolean | undefined;
export async function isPostgresReachable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgReachable = true;
  } catch {
    pgReachable = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  return pgReachable;
}

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { dialect, url: 'sqlite::memory:', drop: async () => undefined };
  if (!(await isPostgresReachable())) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; it is required when CI=true.`);
  }
  const name = `wd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** PostgreSQL tests are skipped (loudly) only outside CI when no server answers. */
export const SKIP_POSTGRES = !CI && !(await isPostgresReachable());
if (SKIP_POSTGRES) {
  console.warn(
    `\n*** PostgreSQL not reachable at ${PG_ADMIN_URL}: SKIPPING all PostgreSQL tests (required when CI=true) ***\n`,
  );
}

/** Runs `fn` inside a describe block for each dialect. */
export function describeEachDialect(title: string, fn: (dialect: Dialect) => void): void {
  describe(`${title} [sqlite]`, () => {
    fn('sqlite');
  });
  describe.skipIf(SKIP_POSTGRES)(`${title} [postgres]`, () => {
    fn('postgres');
  });
}

export class TestClock implements Clock {
  constructor(private t = Date.parse('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

export function testConfig(url: string, overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      LOG_LEVEL: 'info',
      SESSION_SECRET: 'test-secret-'.padEnd(40, 'x'),
    },
    overrides,
  );
}

export interface TestApp extends Built {
  clock: TestClock;
  logs: string[];
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** Builds the real app on a fresh database of the dialect, with a controllable clock and captured logs. */
export async function createTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase(dialect);
  const clock = new TestClock();
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const config = testConfig(testDb.url, overrides);
  const database: DatabaseHandle = openDatabase(testDb.url);
  const built = await buildApp(config, { clock, logStream, database });
  return {
    ...built,
    clock,
    logs,
    testDb,
    close: async () => {
      await built.app.close();
      await database.destroy();
      await testDb.drop();
    },
  };
}

/** beforeAll/afterAll wrapper: gives each test file one app per dialect (or skips loudly). */
export function useTestApp(dialect: Dialect, overrides: Partial<Config> = {}): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp(dialect, overrides);
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('test app not started');
    return t;
  };
}

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../server/src/config.ts';
import { systemClock } from '../server/src/context.ts';
import { openDatabase } from '../server/src/db/dialect.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { seedDemo, type Scale } from '../server/src/demo/seed.ts';
import { onCleanup } from './processes.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface SeededDatabase {
  dialect: Dialect;
  url: string;
  /** Members in the demo workspace (the members list's `total`). */
  members: number;
  migrateMs: number;
  seedMs: number;
}

export async function isPostgresReachable(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh SQLite file in `dir`, migrated and seeded. */
export function createSqlite(dir: string, scale: Scale, secret: string): Promise<SeededDatabase> {
  return seed('sqlite', `sqlite:${join(dir, 'bench.db')}`, dir, scale, secret);
}

/** A fresh PostgreSQL database with a random name, dropped at clean-up; migrated and seeded. */
export async function createPostgres(
  adminUrl: string,
  dir: string,
  scale: Scale,
  secret: string,
): Promise<SeededDatabase> {
  const name = `wijkdragers_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  onCleanup(async () => {
    await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return seed('postgres', url.toString(), dir, scale, secret);
}

async function withAdmin(adminUrl: string, fn: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** Migrates and runs the demo generator in this process, then closes the connection. */
async function seed(
  dialect: Dialect,
  url: string,
  dataDir: string,
  scale: Scale,
  secret: string,
): Promise<SeededDatabase> {
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    SESSION_SECRET: secret,
    LOG_LEVEL: 'warn',
  });
  const handle = openDatabase(url);
  try {
    const t0 = performance.now();
    await migrateToLatest(handle.db);
    const t1 = performance.now();
    const log = pino({ level: 'warn' }, pino.destination(2));
    const result = await seedDemo({ config, db: handle.db, clock: systemClock, log }, { scale });
    // Autovacuum would gather planner statistics within a minute of the inserts; measure that
    // steady state, not the first minute after a bulk load (row estimates of 4 instead of 2,000).
    if (dialect === 'postgres') await sql`analyze`.execute(handle.db);
    const t2 = performance.now();
    return { dialect, url, members: result.members, migrateMs: t1 - t0, seedMs: t2 - t1 };
  } finally {
    await handle.destroy();
  }
}

/**
 * Waits until every scheduled job has finished its first run and none is running. A freshly
 * seeded server starts all its jobs at once; the first overlap detection of a municipality
 * (100k signals) and the reminder jobs (thousands of notifications and emails) then run for
 * seconds. A long-running server has done them long ago: measure that steady state. Returns how
 * long it waited.
 */
export async function waitForStartupJobs(db: SeededDatabase, timeoutMs = 300_000): Promise<number> {
  const handle = openDatabase(db.url);
  const t0 = performance.now();
  try {
    for (;;) {
      const jobs = await handle.db
        .selectFrom('scheduled_jobs')
        .select(['name', 'last_run_at', 'locked_until'])
        .execute();
      if (jobs.length > 0 && jobs.every((j) => j.last_run_at !== null && j.locked_until === null))
        return performance.now() - t0;
      if (performance.now() - t0 > timeoutMs) {
        const busy = jobs.filter((j) => j.last_run_at === null || j.locked_until !== null);
        throw new Error(`startup jobs still running: ${busy.map((j) => j.name).join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await handle.destroy();
  }
}

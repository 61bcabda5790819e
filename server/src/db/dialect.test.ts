import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  SKIP_POSTGRES,
  type TestDatabase,
} from '../../test/harness.ts';
import { openDatabase } from './dialect.ts';

/** Connection handling of the PostgreSQL pool (SQLite has a single in-process connection). */
describe.skipIf(SKIP_POSTGRES)('PostgreSQL connection pool', () => {
  let test: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await test?.drop();
  });

  const name = () => new URL(test.url).pathname.slice(1);
  const connections = async () =>
    Number(
      (await admin.query('select count(*) as n from pg_stat_activity where datname = $1', [name()]))
        .rows[0].n,
    );

  it('destroy() returns only once every connection is closed', async () => {
    const handle = openDatabase(test.url);
    await Promise.all(
      Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(handle.db)),
    );
    expect(await connections()).toBeGreaterThan(1);
    await handle.destroy();
    expect(await connections()).toBe(0);
  });

  it('an idle connection dropped by the server does not crash the process; the pool recovers', async () => {
    const handle = openDatabase(test.url);
    try {
      await sql`select 1`.execute(handle.db);
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
        [name()],
      );
      for (let i = 0; i < 50 && (await connections()) > 0; i++) await sleep(20);
      await sleep(50); // let the error reach the idle client
      const r = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
      expect(r.rows[0]?.ok).toBe(1);
    } finally {
      await handle.destroy();
    }
  });
});

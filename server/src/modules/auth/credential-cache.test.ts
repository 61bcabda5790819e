import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Built } from '../../app.ts';
import type { Dialect } from '../../config.ts';
import { CredentialChanges } from '../../db/credential-changes.ts';
import { openDatabase, type DatabaseHandle } from '../../db/dialect.ts';
import {
  createTestDatabase,
  describeEachDialect,
  SKIP_POSTGRES,
  testConfig,
  useTestApp,
  type TestDatabase,
} from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { CredentialCache } from './credential-cache.ts';

/** A cache on changes that are live by hand, with a clock the test moves. */
function cacheOnHand(options: ConstructorParameters<typeof CredentialCache>[1] = {}) {
  const changes = new CredentialChanges();
  let t = 1_000;
  const cache = new CredentialCache(changes, options, () => t);
  changes.setLive(true);
  const loads: string[] = [];
  const load = (key: string, rows: unknown[] = [{ key }]) => {
    loads.push(key);
    return Promise.resolve(rows);
  };
  return { changes, cache, loads, load, advance: (ms: number) => (t += ms) };
}

describe('credential cache', () => {
  it('serves the second lookup of a credential from memory', async () => {
    const { cache, loads, load } = cacheOnHand();
    expect(await cache.lookup('a', () => load('a'))).toEqual([{ key: 'a' }]);
    expect(await cache.lookup('a', () => load('a'))).toEqual([{ key: 'a' }]);
    expect(loads).toEqual(['a']);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('keeps nothing while changes are not live, and forgets everything when they stop', async () => {
    const { changes, cache, loads, load } = cacheOnHand();
    await cache.lookup('a', () => load('a'));
    changes.setLive(false);
    expect(cache.size).toBe(0);
    await cache.lookup('a', () => load('a'));
    await cache.lookup('a', () => load('a'));
    expect(loads).toEqual(['a', 'a', 'a']);
    expect(cache.size).toBe(0);
  });

  it('forgets everything on an announced change', async () => {
    const { changes, cache, loads, load } = cacheOnHand();
    await cache.lookup('a', () => load('a'));
    await cache.lookup('b', () => load('b'));
    changes.emit('remote');
    await cache.lookup('a', () => load('a'));
    expect(loads).toEqual(['a', 'b', 'a']);
  });

  it('does not keep rows whose lookup was under way when a change was announced', async () => {
    const { changes, cache, loads, load } = cacheOnHand();
    await cache.lookup('a', async () => {
      const rows = await load('a');
      changes.emit('remote'); // committed while the rows were on their way
      return rows;
    });
    await cache.lookup('a', () => load('a'));
    expect(loads).toEqual(['a', 'a']);
  });

  it('keeps nothing for a while after a local write, then caches again', async () => {
    const { changes, cache, loads, load, advance } = cacheOnHand({ suspendMs: 1_000 });
    changes.emit('local');
    await cache.lookup('a', () => load('a'));
    advance(999);
    await cache.lookup('a', () => load('a'));
    advance(1);
    await cache.lookup('a', () => load('a'));
    await cache.lookup('a', () => load('a'));
    expect(loads).toEqual(['a', 'a', 'a']);
  });

  it('reads again after the maximum age, and drops the oldest entry when full', async () => {
    const { cache, loads, load, advance } = cacheOnHand({ maxAgeMs: 5_000, maxEntries: 2 });
    await cache.lookup('a', () => load('a'));
    advance(5_000);
    await cache.lookup('a', () => load('a'));
    await cache.lookup('b', () => load('b'));
    await cache.lookup('c', () => load('c'));
    expect(cache.size).toBe(2);
    await cache.lookup('a', () => load('a')); // evicted
    await cache.lookup('c', () => load('c')); // kept
    expect(loads).toEqual(['a', 'a', 'b', 'c', 'a']);
  });

  it('never keeps an unknown credential, and replaces only what it holds', async () => {
    const { cache, loads, load } = cacheOnHand();
    await cache.lookup('x', () => load('x', []));
    await cache.lookup('x', () => load('x', []));
    expect(loads).toEqual(['x', 'x']);
    cache.replace('y', [{ key: 'y' }]);
    expect(cache.size).toBe(0);
    await cache.lookup('a', () => load('a'));
    cache.replace('a', [{ key: 'a', touched: true }]);
    expect(await cache.lookup('a', () => load('a'))).toEqual([{ key: 'a', touched: true }]);
  });
});

describeEachDialect('credential writes are signalled before they run', (dialect) => {
  const t = useTestApp(dialect);

  it('signals writes to the credential tables, not touches or other tables', async () => {
    const { database } = t();
    const { ws, users } = await seedWorkspace(t().ctx, ['member']);
    const member = users.member!;
    const b = new Browser(t().app);
    await b.login(member.email);
    const signals: string[] = [];
    const stop = database.credentialChanges.subscribe((s) => {
      if (s === 'local') signals.push(s);
    });
    const db = database.db;
    const count = async (write: () => Promise<unknown>) => {
      signals.length = 0;
      await write();
      return signals.length;
    };
    try {
      const now = new Date().toISOString();
      expect(
        await count(() => db.updateTable('sessions').set({ last_seen_at: now }).execute()),
      ).toBe(0);
      expect(
        await count(() => db.updateTable('api_tokens').set({ last_used_at: now }).execute()),
      ).toBe(0);
      expect(await count(() => db.updateTable('sessions').set({ expires_at: now }).execute())).toBe(
        1,
      );
      expect(
        await count(() =>
          db
            .updateTable('users')
            .set({ display_name: 'Nieuw' })
            .where('id', '=', member.id)
            .execute(),
        ),
      ).toBe(1);
      expect(
        await count(() =>
          db
            .updateTable('workspaces')
            .set((eb) => ({ directory_version: eb('directory_version', '+', 1) }))
            .where('id', '=', ws.id)
            .execute(),
        ),
      ).toBe(1);
      expect(
        await count(() =>
          db
            .transaction()
            .execute((trx) =>
              trx
                .updateTable('memberships')
                .set({ role: 'coordinator' })
                .where('user_id', '=', member.id)
                .execute(),
            ),
        ),
      ).toBe(1);
      expect(
        await count(() => db.deleteFrom('sessions').where('user_id', '=', member.id).execute()),
      ).toBe(1);
      expect(await count(() => db.selectFrom('users').selectAll().execute())).toBe(0);
      expect(await count(() => db.deleteFrom('rate_limits').execute())).toBe(0);
    } finally {
      stop();
    }
  });
});

/**
 * Two server processes on one database: each has its own handle (connections) and cache. On
 * SQLite they share a file, and a change is seen at the next request (data_version); on PostgreSQL
 * it is seen when the notification arrives, so the other process is polled for a short while.
 */
const acrossProcesses = (dialect: Dialect) => () => {
  let testDb: TestDatabase;
  const handles: DatabaseHandle[] = [];
  const apps: Built[] = [];
  const a = () => apps[0]!;
  const b = () => apps[1]!;

  beforeAll(async () => {
    testDb =
      dialect === 'postgres' ? await createTestDatabase('postgres') : await sqliteFileDatabase();
    for (let i = 0; i < 2; i++) {
      const handle = openDatabase(testDb.url);
      handles.push(handle);
      const logStream = new Writable({ write: (_chunk, _enc, cb) => cb() });
      apps.push(await buildApp(testConfig(testDb.url), { database: handle, logStream }));
    }
    await waitFor(() => handles.every((h) => h.credentialChanges.live));
  });
  afterAll(async () => {
    for (const app of apps) await app.app.close();
    for (const h of handles) await h.destroy();
    await testDb?.drop();
  });

  async function waitFor(ok: () => boolean | Promise<boolean>, ms = 5_000): Promise<number> {
    const start = Date.now();
    while (!(await ok())) {
      if (Date.now() - start > ms) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 5));
    }
    return Date.now() - start;
  }

  /** A session made through process A, used through process B. */
  async function sessionOnB(role: 'member' | 'admin' = 'member') {
    const { ws, users } = await seedWorkspace(a().ctx, ['admin', 'member']);
    const onA = new Browser(a().app);
    await onA.login(users[role]!.email);
    const onB = new Browser(b().app);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    return { ws, users, onA, onB };
  }

  const me = async (browser: Browser) => browser.inject({ method: 'GET', url: '/api/v1/me' });

  it('serves repeated requests of a session without reading its rows again', async () => {
    const { onB } = await sessionOnB();
    const cache = b().ctx.credentialCache!;
    expect((await me(onB)).statusCode).toBe(200);
    const hits = cache.stats.hits;
    for (let i = 0; i < 5; i++) expect((await me(onB)).statusCode).toBe(200);
    expect(cache.stats.hits - hits).toBe(5);
  });

  it('a logout in one process ends the session in the other once the commit is announced', async () => {
    const { onA, onB } = await sessionOnB();
    expect((await me(onB)).statusCode).toBe(200);
    expect((await me(onB)).statusCode).toBe(200); // cached in B
    expect((await onA.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    // The same process refuses it at once; on SQLite the other does too (it asks data_version).
    expect((await me(onA)).statusCode).toBe(401);
    if (dialect === 'sqlite') expect((await me(onB)).statusCode).toBe(401);
    else await waitFor(async () => (await me(onB)).statusCode === 401, 2_000);
  });

  it('a role change in one process is what the other process enforces next', async () => {
    const { ws, users, onB } = await sessionOnB('member');
    const admin = new Browser(a().app);
    await admin.login(users.admin!.email);
    const members = `/api/v1/workspaces/${ws.slug}/invitations`;
    const tryAdminList = async () => (await onB.inject({ method: 'GET', url: members })).statusCode;
    expect(await tryAdminList()).toBe(403);
    expect(await tryAdminList()).toBe(403); // cached in B
    const res = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${ws.slug}/members/${users.member!.id}`,
      payload: { role: 'admin' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await waitFor(async () => (await tryAdminList()) === 200, 2_000);
  });

  it('a change made outside the app (another client, raw SQL) is announced too', async () => {
    const { users, onB } = await sessionOnB();
    expect((await me(onB)).statusCode).toBe(200);
    expect((await me(onB)).statusCode).toBe(200);
    await rawSql(testDb, 'update users set deactivated_at = ? where id = ?', [
      new Date().toISOString(),
      users.member!.id,
    ]);
    await waitFor(async () => (await me(onB)).statusCode === 401, 2_000);
  });

  // PostgreSQL only: SQLite has no listening connection to lose.
  if (dialect === 'postgres')
    it('serves nothing from memory while the listening connection is down, then resumes', async () => {
      const { onB } = await sessionOnB();
      const cache = b().ctx.credentialCache!;
      const changes = handles[1]!.credentialChanges;
      expect((await me(onB)).statusCode).toBe(200);
      const admin = new pg.Client({ connectionString: testDb.url });
      await admin.connect();
      try {
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and query ilike 'listen %'`,
        );
      } finally {
        await admin.end();
      }
      await waitFor(() => !changes.live, 2_000);
      const hits = cache.stats.hits;
      expect((await me(onB)).statusCode).toBe(200);
      expect((await me(onB)).statusCode).toBe(200);
      expect(cache.stats.hits).toBe(hits);
      await waitFor(() => changes.live, 5_000);
      await me(onB);
      expect((await me(onB)).statusCode).toBe(200);
      expect(cache.stats.hits).toBeGreaterThan(hits);
    });
};

describe('credential cache across processes [sqlite]', acrossProcesses('sqlite'));
describe.skipIf(SKIP_POSTGRES)(
  'credential cache across processes [postgres]',
  acrossProcesses('postgres'),
);

/** A SQLite database in a file, so that two handles (processes) can share it. */
async function sqliteFileDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'wd-cache-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'db.sqlite')}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A statement from a client that is not the app (psql, sqlite3, another program). */
async function rawSql(testDb: TestDatabase, text: string, values: string[]): Promise<void> {
  if (testDb.dialect === 'sqlite') {
    const db = new SQLite(testDb.url.slice('sqlite:'.length));
    try {
      db.prepare(text).run(...values);
    } finally {
      db.close();
    }
    return;
  }
  const other = new pg.Client({ connectionString: testDb.url });
  await other.connect();
  try {
    let i = 0;
    await other.query(
      text.replace(/\?/g, () => `$${++i}`),
      values,
    );
  } finally {
    await other.end();
  }
}

import { resolve, dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import type { Dialect } from '../config.ts';
import type { Database } from './types.ts';
import { CredentialChanges, CredentialWriteWatch } from './credential-changes.ts';

/** The only place with dialect-specific code: connections, pragmas, locking, backup, introspection. */

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** When what authentication reads may have changed (credential caches, decision 0015). */
  readonly credentialChanges: CredentialChanges;
  destroy(): Promise<void>;
}

const SQLITE_PRAGMAS: Record<string, string | number> = {
  journal_mode: 'wal',
  synchronous: 2, // FULL
  foreign_keys: 1,
  busy_timeout: 5000,
  secure_delete: 1,
};

export function openDatabase(databaseUrl: string): DatabaseHandle {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('secure_delete = ON');
    assertSqlitePragmas(sqlite, file === ':memory:');
    const credentialChanges = sqliteCredentialChanges(sqlite);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CredentialWriteWatch(credentialChanges)],
    });
    return { db, dialect: 'sqlite', credentialChanges, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle connection that the server drops (restart, failover) is reported here and replaced by
  // the pool; without a listener the 'error' event would crash the process.
  pool.on('error', () => undefined);
  // pool.end() resolves before its connections have closed: destroy() waits for them as well.
  let open = 0;
  pool.on('connect', (client) => {
    open++;
    planOnce(client);
  });
  pool.on('remove', () => open--);
  const credentialChanges = new CredentialChanges((changes) =>
    listenForCredentialChanges(databaseUrl, changes),
  );
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CredentialWriteWatch(credentialChanges)],
  });
  const destroy = async () => {
    await credentialChanges.close();
    await db.destroy();
    while (open > 0) await once(pool, 'remove');
  };
  return { db, dialect: 'postgres', credentialChanges, destroy };
}

/**
 * SQLite tells a connection whether any other connection (another process: the CLI, a second
 * server) committed since it last asked: `PRAGMA data_version`, a memory read. Asked before every
 * cached read; this process's own writes are seen by the write watch.
 */
function sqliteCredentialChanges(sqlite: SQLite.Database): CredentialChanges {
  const version = sqlite.prepare('pragma data_version').pluck();
  let seen: unknown;
  const poll = () => {
    let now: unknown;
    try {
      now = version.get();
    } catch {
      now = Symbol('closed'); // never equal: nothing is served from a closed database
    }
    const changed = now !== seen;
    seen = now;
    return changed;
  };
  return new CredentialChanges((changes) => {
    poll();
    changes.setLive(true);
    return () => Promise.resolve();
  }, poll);
}

/** The channel on which migration 0010's triggers announce committed credential changes. */
const CREDENTIAL_CHANNEL = 'wd_credentials';

/**
 * Listens on its own connection (a pooled one could be handed to a query). While it listens,
 * `changes` is live; when the connection drops, it is not, and it reconnects after a second.
 */
function listenForCredentialChanges(
  databaseUrl: string,
  changes: CredentialChanges,
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = undefined;
    changes.setLive(false);
    void c.end().catch(() => undefined);
    if (!stopped) {
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    }
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    client = c;
    c.on('notification', () => changes.emit('remote'));
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`listen ${CREDENTIAL_CHANNEL}`);
      if (client === c) changes.setLive(true);
    } catch {
      lost(c);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    changes.setLive(false);
    if (c) await c.end().catch(() => undefined);
  };
}

/** Statement triggers announce any write; row triggers skip touches of last seen/used alone. */
const CREDENTIAL_TRIGGERS: { name: string; table: string; when: string }[] = [
  ...['users', 'memberships', 'workspaces'].map((table) => ({
    name: `wd_${table}_credentials`,
    table,
    when: 'after insert or update or delete or truncate on %t for each statement',
  })),
  ...['sessions', 'api_tokens'].map((table) => ({
    name: `wd_${table}_credentials`,
    table,
    when: 'after delete or truncate on %t for each statement',
  })),
  {
    name: 'wd_sessions_changed',
    table: 'sessions',
    when: `after update on %t for each row
      when ((old.id_hash, old.user_id, old.csrf_token, old.expires_at)
        is distinct from (new.id_hash, new.user_id, new.csrf_token, new.expires_at))`,
  },
  {
    name: 'wd_api_tokens_changed',
    table: 'api_tokens',
    when: `after update on %t for each row
      when ((old.token_hash, old.user_id, old.workspace_id, old.revoked_at)
        is distinct from (new.token_hash, new.user_id, new.workspace_id, new.revoked_at))`,
  },
];

/** Migration 0010 on PostgreSQL: NOTIFY on commit of any credential change; nothing on SQLite. */
export async function createCredentialTriggers(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql
    .raw(
      `create or replace function wd_notify_credentials() returns trigger language plpgsql as
       $$ begin perform pg_notify('${CREDENTIAL_CHANNEL}', ''); return null; end $$`,
    )
    .execute(db);
  for (const t of CREDENTIAL_TRIGGERS) {
    const when = t.when.replace('%t', t.table);
    await sql
      .raw(`create trigger ${t.name} ${when} execute function wd_notify_credentials()`)
      .execute(db);
  }
}

export async function dropCredentialTriggers(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  for (const t of CREDENTIAL_TRIGGERS) {
    await sql.raw(`drop trigger if exists ${t.name} on ${t.table}`).execute(db);
  }
  await sql.raw('drop function if exists wd_notify_credentials()').execute(db);
}

/** SQL texts PostgreSQL keeps as named prepared statements: parsed and planned once per connection. */
const plannedOnce = new Map<string, string>();

/**
 * Marks a query's SQL text (db/prepared.ts) to be run as a named prepared statement on
 * PostgreSQL, where planning a join costs several times its execution (≈240 µs against ≈60 µs for
 * the authentication query); a no-op for SQLite, whose statements are cached anyway.
 */
export function keepPlanned(sqlText: string): void {
  if (!plannedOnce.has(sqlText)) plannedOnce.set(sqlText, `wd_planned_${plannedOnce.size + 1}`);
}

/** Runs the marked SQL texts of a pg client as named statements (pg prepares them per connection). */
function planOnce(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const named = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? plannedOnce.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  };
  client.query = named as typeof client.query;
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, so keep the most
 * recent ones by SQL text (bounded). Kysely serialises use of the one connection, so a cached
 * statement is never run twice at once.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source); // move to the most-recent end
    } else {
      stmt = sqlite.prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** Refuses to start when SQLite does not run with the durability and privacy settings we rely on. */
export function assertSqlitePragmas(sqlite: SQLite.Database, inMemory: boolean): void {
  const wrong: string[] = [];
  for (const [name, expected] of Object.entries(SQLITE_PRAGMAS)) {
    // In-memory databases cannot use WAL; they report "memory".
    if (name === 'journal_mode' && inMemory) continue;
    const actual = sqlite.pragma(name, { simple: true });
    const ok =
      name === 'busy_timeout' ? Number(actual) >= 5000 : String(actual) === String(expected);
    if (!ok) wrong.push(`${name}=${String(actual)} (expected ${String(expected)})`);
  }
  if (wrong.length) throw new Error(`SQLite settings not in effect: ${wrong.join(', ')}`);
}

export async function readSqlitePragmas(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(SQLITE_PRAGMAS)) {
    const r = await sql<
      Record<string, unknown>
    >`select * from ${sql.raw(`pragma_${name}`)}`.execute(db);
    out[name] = String(Object.values(r.rows[0] ?? {})[0]);
  }
  return out;
}

/**
 * Runs `fn` (the migrator) so that only one process migrates at a time. PostgreSQL: Kysely's
 * migrator takes an advisory lock itself. SQLite: Kysely takes no lock and no transaction, so two
 * processes starting on a new database would both apply a migration; an IMMEDIATE transaction
 * holds the write lock throughout (the migrator uses the same single connection) and the other
 * process waits (busy_timeout), then finds nothing left to do.
 */
export async function withMigrationLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return fn();
  await sql`begin immediate`.execute(db);
  try {
    const result = await fn();
    await sql`commit`.execute(db);
    return result;
  } catch (err) {
    await sql`rollback`.execute(db);
    throw err;
  }
}

/** Row lock that other instances skip (PostgreSQL); SQLite serialises writers itself. */
export function skipLocked(dialect: Dialect): ReturnType<typeof sql.raw> {
  return sql.raw(dialect === 'postgres' ? 'for update skip locked' : '');
}

/** True for a unique-constraint violation on either dialect (SQLite's code or PostgreSQL's 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

/** Refreshes the planner's statistics (both dialects understand ANALYZE); run after bulk loads. */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** A consistent online backup: VACUUM INTO for SQLite, pg_dump (custom format) for PostgreSQL. */
export async function backup(
  handle: DatabaseHandle,
  databaseUrl: string,
  file: string,
): Promise<void> {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  if (handle.dialect === 'sqlite') {
    await sql`vacuum into ${target}`.execute(handle.db);
    return;
  }
  await promisify(execFile)('pg_dump', ['--format=custom', `--file=${target}`, databaseUrl]);
}

export interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

/** Logical schema (tables, columns, normalised types, nullability) for cross-dialect comparison. */
export async function introspect(handle: DatabaseHandle): Promise<ColumnInfo[]> {
  const tables = await handle.db.introspection.getTables();
  const cols: ColumnInfo[] = [];
  for (const t of tables) {
    if (t.name.startsWith('kysely_')) continue;
    for (const c of t.columns) {
      cols.push({
        table: t.name,
        column: c.name,
        type: normaliseType(c.dataType),
        nullable: c.isNullable,
      });
    }
  }
  return cols.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

function normaliseType(t: string): string {
  const s = t.toLowerCase();
  if (s.startsWith('varchar') || s.startsWith('character varying') || s === 'text') return 'text';
  if (s === 'integer' || s === 'int4' || s === 'int8' || s === 'bigint') return 'integer';
  if (s === 'double precision' || s === 'float8') return 'double';
  return s;
}

export async function listIndexes(handle: DatabaseHandle): Promise<string[]> {
  if (handle.dialect === 'sqlite') {
    const r = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'index' and name not like 'sqlite_%'`.execute(
      handle.db,
    );
    return r.rows.map((x) => x.name).sort();
  }
  // Indexes that back primary-key and unique constraints are implicit (SQLite: sqlite_autoindex_*).
  const r = await sql<{ name: string }>`
    select indexname as name from pg_indexes
    where schemaname = current_schema()
      and indexname not in (
        select con.conname from pg_constraint con
        join pg_namespace ns on ns.oid = con.connamespace
        where ns.nspname = current_schema() and con.contype in ('p', 'u'))`.execute(handle.db);
  return r.rows.map((x) => x.name).sort();
}

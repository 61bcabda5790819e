import { SqliteAdapter, sql, type Kysely } from 'kysely';

// SQLite cannot drop NOT NULL from a column or add a foreign key to an existing one: the table is
// rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter). Migrations run inside one
// write transaction (withMigrationLock), where `PRAGMA foreign_keys = OFF` has no effect, so the
// DROP TABLE of the rebuild would cascade into the tables that reference the rebuilt one: their
// rows are kept aside in temporary tables and put back after the rename. Dialect-specific, like
// dialect.ts; PostgreSQL alters in place and never calls this.

export const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** `text` with `from` replaced by `to`; throws when `from` is missing, so a drift fails loudly. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`Rebuild: "${from}" not found in the table definition.`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const columnsOf = async (db: Kysely<unknown>, table: string) =>
  (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map(
    (r) => r.name,
  );

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rebuilds `table` from its stored definition changed by `edit`, keeping its rows, its explicit
 * indexes and the rows of the `children` tables whose foreign keys cascade from it. Columns the
 * new definition adds are filled by the SQL expressions of `fill` (default null); columns it
 * drops are left behind.
 */
export async function rebuildSqliteTable(
  db: Kysely<unknown>,
  table: string,
  edit: (createSql: string) => string,
  children: readonly string[] = [],
  fill: Readonly<Record<string, string>> = {},
): Promise<void> {
  const master = await sql<{ type: string; sql: string | null }>`
    select type, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = master.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`Rebuild: no table ${table}.`);
  const indexes = master.rows.filter((r) => r.type === 'index' && r.sql).map((r) => r.sql!);
  const next = `${table}__rebuild`;
  const oldColumns = await columnsOf(db, table);

  for (const child of children)
    await sql
      .raw(`create temp table ${q(`${child}__kept`)} as select * from ${q(child)}`)
      .execute(db);
  await sql
    .raw(replaceOnce(edit(create), `CREATE TABLE ${q(table)}`, `CREATE TABLE ${q(next)}`))
    .execute(db);
  const newColumns = await columnsOf(db, next);
  const kept = newColumns.filter((c) => oldColumns.includes(c));
  const added = newColumns.filter((c) => !oldColumns.includes(c));
  const into = [...kept, ...added].map(q).join(', ');
  const from = [...kept.map(q), ...added.map((c) => fill[c] ?? 'null')].join(', ');
  await sql.raw(`insert into ${q(next)} (${into}) select ${from} from ${q(table)}`).execute(db);
  await sql.raw(`drop table ${q(table)}`).execute(db);
  await sql.raw(`alter table ${q(next)} rename to ${q(table)}`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
  for (const child of children) {
    await sql.raw(`insert into ${q(child)} select * from ${q(`${child}__kept`)}`).execute(db);
    await sql.raw(`drop table ${q(`${child}__kept`)}`).execute(db);
  }
}

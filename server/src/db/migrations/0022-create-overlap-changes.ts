import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../sqlite-rebuild.ts';

// Which actors' overlap facts changed since the last detection (issue 5: signals "kept current
// when activities or ties change"). The database itself records them, by triggers on every table
// the detection reads, so every writer is seen: the API, imports, the CLI, the demo generator and
// changes by hand alike. Detection then re-scores only the pairs of those actors
// (modules/signals/detect.ts) and deletes the rows it covered (by id: rows written meanwhile stay
// for the next run).
//
// A row per change, no uniqueness and no foreign key: a write never waits on another writer or
// fails for this table, and rows of a deleted workspace or actor are harmless (the next detection
// of that workspace deletes them). On SQLite, row triggers; on PostgreSQL, statement triggers
// with transition tables, one insert per statement (a bulk insert of 26,000 activities is one
// insert of the distinct actors). A later migration that rebuilds one of these tables on SQLite
// (db/sqlite-rebuild.ts) must create its triggers again.

type Event = 'insert' | 'update' | 'delete';

/**
 * The actors a changed row of a table touches, as a select over `r`: the row itself on SQLite
 * (`rows` empty), a transition table on PostgreSQL (`rows` = `new_rows r`).
 */
interface Source {
  table: string;
  events: Event[];
  /** Only updates that change these columns (an `update of` on SQLite, a comparison on PostgreSQL). */
  columns?: string[];
  select: (r: string, rows: string) => string;
}

const from = (rows: string, ...more: string[]) => {
  const all = [rows, ...more].filter(Boolean);
  return all.length > 0 ? `from ${all.join(', ')}` : '';
};

const activityOf = (r: string, rows: string) =>
  `select a.workspace_id, a.actor_id ${from(rows, 'activities a')}
   where a.id = ${r}.record_id and ${r}.record_type = 'activity'`;

const SOURCES: Source[] = [
  {
    table: 'activities',
    events: ['insert', 'update', 'delete'],
    select: (r, rows) => `select ${r}.workspace_id, ${r}.actor_id ${from(rows)}`,
  },
  { table: 'record_areas', events: ['insert', 'update', 'delete'], select: activityOf },
  { table: 'record_terms', events: ['insert', 'update', 'delete'], select: activityOf },
  {
    table: 'ties',
    events: ['insert', 'update', 'delete'],
    select: (r, rows) =>
      `select ${r}.workspace_id, ${r}.from_actor_id ${from(rows)}
       union all select ${r}.workspace_id, ${r}.to_actor_id ${from(rows)}`,
  },
  {
    table: 'funding_flows',
    events: ['insert', 'update', 'delete'],
    select: (r, rows) =>
      `select ${r}.workspace_id, ${r}.recipient_actor_id ${from(rows)}
       where ${r}.recipient_actor_id is not null`,
  },
  {
    table: 'actors',
    events: ['update', 'delete'],
    columns: ['kind', 'size_class'],
    select: (r, rows) => `select ${r}.workspace_id, ${r}.id ${from(rows)}`,
  },
];

/** The row images an event has: the old row, the new row or both. */
const imagesOf = (e: Event): ('old' | 'new')[] =>
  e === 'delete' ? ['old'] : e === 'insert' ? ['new'] : ['old', 'new'];

const name = (s: Source, e: Event) => `wd_overlap_${s.table}_${e.slice(0, 3)}`;

const on = (s: Source, e: Event, sqlite: boolean) =>
  e === 'update' && s.columns && sqlite ? `update of ${s.columns.join(', ')}` : e;

/**
 * PostgreSQL: the select over a statement's transition tables. Transition tables do not go with
 * an `update of` column list, so an update with `columns` keeps the rows where one of them
 * changed (old and new rows joined on the id).
 */
function pgSelect(s: Source, e: Event): string {
  if (e === 'update' && s.columns) {
    const cols = s.columns;
    const changed = `(${cols.map((c) => `o.${c}`).join(', ')}) is distinct from (${cols.map((c) => `n.${c}`).join(', ')})`;
    return `${s.select('n', 'new_rows n join old_rows o on o.id = n.id')} where ${changed}`;
  }
  return imagesOf(e)
    .map((image) => `(${s.select('r', `${image}_rows r`)})`)
    .join(' union ');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema
    .createTable('overlap_changes')
    .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
      sqlite ? c.primaryKey().autoIncrement().notNull() : c.primaryKey(),
    )
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('overlap_changes_workspace_idx')
    .on('overlap_changes')
    .columns(['workspace_id', 'id'])
    .execute();

  for (const s of SOURCES)
    for (const e of s.events) {
      if (sqlite) {
        const body = imagesOf(e)
          .map((r) => `insert into overlap_changes (workspace_id, actor_id) ${s.select(r, '')};`)
          .join('\n');
        await sql
          .raw(
            `create trigger ${name(s, e)} after ${on(s, e, true)} on ${s.table} begin ${body} end`,
          )
          .execute(db);
        continue;
      }
      await sql
        .raw(
          `create function ${name(s, e)}() returns trigger language plpgsql as $$ begin
             insert into overlap_changes (workspace_id, actor_id)
               select distinct workspace_id, actor_id from (${pgSelect(s, e)}) as changed (workspace_id, actor_id);
             return null;
           end $$`,
        )
        .execute(db);
      const referencing = imagesOf(e)
        .map((image) => `${image} table as ${image}_rows`)
        .join(' ');
      await sql
        .raw(
          `create trigger ${name(s, e)} after ${on(s, e, false)} on ${s.table}
           referencing ${referencing} for each statement execute function ${name(s, e)}()`,
        )
        .execute(db);
    }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  for (const s of SOURCES)
    for (const e of s.events) {
      await sql
        .raw(`drop trigger if exists ${name(s, e)}${sqlite ? '' : ` on ${s.table}`}`)
        .execute(db);
      if (!sqlite) await sql.raw(`drop function if exists ${name(s, e)}()`).execute(db);
    }
  await db.schema.dropTable('overlap_changes').execute();
}

import { CompiledQuery, type Insertable } from 'kysely';
import type { Db } from '../db/dialect.ts';
import type { Database, RecordType, Role, TaxonomyKind } from '../db/types.ts';
import type { IndexedEntry } from '../modules/records/entries.ts';
import { tokenize } from '../modules/records/tokens.ts';

/**
 * Bulk writes of the demo generator. Rows collect per table and are written in multi-row INSERTs
 * of at most 10,000 parameters: well under SQLite's 32,766 and PostgreSQL's 65,535, and measured a
 * little faster on both than statements near those limits (municipality scale: SQLite 3.2 s
 * instead of 3.5 s, PostgreSQL 8.5 s instead of 10 s). Kysely compiles the statement for a table
 * and chunk size once; later chunks reuse its SQL with new parameters, which keeps half a million
 * activities from spending their time in the query builder.
 */

const MAX_PARAMS = 10_000;

/** Tables in foreign-key order: a flush writes parents before the rows that point at them. */
export const tableOrder = [
  'areas',
  'area_indicators',
  'actors',
  'actor_roles',
  'affiliations',
  'initiatives',
  'initiative_participants',
  'activities',
  'achievements',
  'achievement_credits',
  'record_areas',
  'record_terms',
  'search_entries',
  'search_tokens',
] as const satisfies readonly (keyof Database)[];
export type SeedTable = (typeof tableOrder)[number];
type Row<T extends SeedTable> = Insertable<Database[T]>;

export class RowSink {
  private readonly pending = new Map<SeedTable, Record<string, unknown>[]>();
  private readonly statements = new Map<string, { sql: string; columns: string[] }>();
  private size = 0;
  readonly counts = Object.fromEntries(tableOrder.map((t) => [t, 0])) as Record<SeedTable, number>;

  /**
   * `threshold`: pending rows (all tables) at which `maybeFlush` writes; `maxParams`: bound
   * parameters per statement (tests lower it to exercise statement reuse with a few rows).
   */
  constructor(
    private readonly db: Db,
    private readonly threshold = 200_000,
    private readonly maxParams = MAX_PARAMS,
  ) {}

  add<T extends SeedTable>(table: T, row: Row<T>): void {
    let rows = this.pending.get(table);
    if (!rows) this.pending.set(table, (rows = []));
    rows.push(row as Record<string, unknown>);
    this.size++;
  }

  /** A record's links to areas and taxonomy terms (duplicates dropped). */
  link(workspaceId: string, type: RecordType, id: string, areaIds: string[], termIds: string[]) {
    for (const area_id of new Set(areaIds))
      this.add('record_areas', {
        workspace_id: workspaceId,
        record_type: type,
        record_id: id,
        area_id,
      });
    for (const term_id of new Set(termIds))
      this.add('record_terms', {
        workspace_id: workspaceId,
        record_type: type,
        record_id: id,
        term_id,
      });
  }

  /** A search entry and its tokens, exactly as records/repo.ts writeSearchEntry stores them. */
  index({ entry, texts }: IndexedEntry): void {
    this.add('search_entries', entry);
    for (const token of tokenize(texts.filter(Boolean).join(' ')))
      this.add('search_tokens', {
        workspace_id: entry.workspace_id,
        token,
        record_type: entry.record_type,
        record_id: entry.record_id,
      });
  }

  /** Rows of the table added so far, written or not. */
  total(table: SeedTable): number {
    return this.counts[table] + (this.pending.get(table)?.length ?? 0);
  }

  async maybeFlush(): Promise<void> {
    if (this.size >= this.threshold) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of tableOrder) {
      const rows = this.pending.get(table);
      if (!rows?.length) continue;
      // Tokens in index order: the primary key grows at its end instead of splitting pages all
      // over (a third of the cost on SQLite).
      if (table === 'search_tokens') rows.sort(byToken);
      await this.write(table, rows);
      this.counts[table] += rows.length;
    }
    this.pending.clear();
    this.size = 0;
  }

  private async write(table: SeedTable, rows: Record<string, unknown>[]): Promise<void> {
    const columns = Object.keys(rows[0] ?? {});
    let at = 0;
    for (const size of chunkSizes(rows.length, Math.floor(this.maxParams / columns.length))) {
      const part = rows.slice(at, (at += size));
      const key = `${table}:${size}`;
      const known = this.statements.get(key);
      if (!known) {
        const compiled = this.db
          .insertInto(table)
          .values(part as never)
          .compile();
        assertParameterOrder(compiled, columns, part);
        // Only the SQL text is kept: the compiled query tree of 30,000 values is large.
        this.statements.set(key, { sql: compiled.sql, columns });
        await this.db.executeQuery(compiled);
        continue;
      }
      const parameters: unknown[] = [];
      for (const row of part) {
        const keys = Object.keys(row);
        if (keys.length !== columns.length || keys.some((k, n) => k !== columns[n]))
          throw new Error(`Rows of ${table} differ in their columns.`);
        for (const c of known.columns) parameters.push(row[c] ?? null);
      }
      await this.db.executeQuery(CompiledQuery.raw(known.sql, parameters));
    }
  }
}

/**
 * Chunk sizes for n rows: full chunks of `max`, then the rest in powers of two. Statement shapes
 * stay few (at most 1 + log2(max) per table), so they are compiled, prepared and cached once
 * instead of one new giant statement per flush.
 */
export function chunkSizes(n: number, max: number): number[] {
  const out: number[] = [];
  const full = Math.max(1, max);
  for (; n >= full; n -= full) out.push(full);
  for (let p = 2 ** Math.floor(Math.log2(Math.max(1, n))); n > 0; p /= 2)
    if (n >= p) {
      out.push(p);
      n -= p;
    }
  return out;
}

const byToken = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const x = a.token as string;
  const y = b.token as string;
  if (x !== y) return x < y ? -1 : 1;
  const p = a.record_id as string;
  const q = b.record_id as string;
  return p < q ? -1 : p > q ? 1 : 0;
};

/** The reuse above relies on Kysely binding every value, row by row, in column order. */
function assertParameterOrder(
  sql: CompiledQuery,
  columns: string[],
  rows: Record<string, unknown>[],
) {
  const expected = rows.flatMap((r) => columns.map((c) => r[c] ?? null));
  const ok =
    sql.parameters.length === expected.length &&
    sql.parameters.every((p, i) => p === expected[i] || (p === undefined && expected[i] === null));
  if (!ok) throw new Error('Unexpected parameter layout of a bulk INSERT.');
}

export interface TermRef {
  id: string;
  kind: TaxonomyKind;
  slug: string;
}

export const activeTerms = (db: Db, workspaceId: string): Promise<TermRef[]> =>
  db
    .selectFrom('taxonomy_terms')
    .select(['id', 'kind', 'slug'])
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('slug')
    .execute();

export interface MemberRef {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export const membersOf = (db: Db, workspaceId: string): Promise<MemberRef[]> =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as id',
      'users.email as email',
      'users.display_name as displayName',
      'memberships.role as role',
    ])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('users.email')
    .execute();

import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/harness.ts';
import { migrateToLatest } from './migrate.ts';
import { openDatabase, type DatabaseHandle } from './dialect.ts';
import { prepared } from './prepared.ts';

describeEachDialect('prepared queries', (dialect) => {
  let test: TestDatabase;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    handle = openDatabase(test.url);
    await migrateToLatest(handle.db);
    await handle.db
      .insertInto('workspaces')
      .values(
        ['a', 'b', 'c'].map((slug, i) => ({
          id: `00000000-0000-4000-8000-00000000000${i}`,
          slug,
          name: `Werkruimte ${slug}`,
          gemeentecode: 'GM0599',
          created_at: '2026-01-01T00:00:00.000Z',
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await handle?.destroy();
    await test?.drop();
  });

  // Two parameters and a constant in between: each run must use its own values, in order.
  const slugsBetween = prepared((db, from = '', to = '') =>
    db
      .selectFrom('workspaces')
      .select('slug')
      .where('slug', '>=', from)
      .where('gemeentecode', '=', 'GM0599')
      .where('slug', '<=', to)
      .orderBy('slug'),
  );

  it('runs the compiled query with each call’s own parameters', async () => {
    expect((await slugsBetween(handle.db, 'a', 'b')).map((r) => r.slug)).toEqual(['a', 'b']);
    expect((await slugsBetween(handle.db, 'b', 'c')).map((r) => r.slug)).toEqual(['b', 'c']);
    expect(await slugsBetween(handle.db, 'c', 'a')).toEqual([]);
  });

  it('is the same query inside a transaction (compiled for that handle)', async () => {
    const rows = await handle.db.transaction().execute((trx) => slugsBetween(trx, 'a', 'a'));
    expect(rows.map((r) => r.slug)).toEqual(['a']);
  });

  if (dialect === 'postgres')
    it('is a named prepared statement on PostgreSQL (planned once per connection)', async () => {
      const names = await handle.db.transaction().execute(async (trx) => {
        await slugsBetween(trx, 'a', 'c');
        const r = await sql<{
          statement: string;
        }>`select statement from pg_prepared_statements`.execute(trx);
        return r.rows.map((row) => row.statement);
      });
      expect(names.some((text) => text.includes('"gemeentecode" ='))).toBe(true);
    });
});

import type { Kysely } from 'kysely';

// A counter per workspace that every write to the directory's read models (search entries, area
// and term links, areas, indicators, taxonomy) increments in its transaction. Read-model caches key
// on it, so every server process sees a change at once without talking to the others.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('directory_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('directory_version').execute();
}

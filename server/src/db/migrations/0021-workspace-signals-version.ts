import { sql, type Kysely } from 'kysely';

// The overlap signals' versions on the workspace row, which authentication already reads (and
// the credential cache keeps, decision 0015): the signals list then knows without a query whether
// detection is current and which cached page to serve. `overlap_settings` stays the source and
// the detection lock; every write of its versions copies them here in the same transaction.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('signals_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('workspaces')
    .addColumn('signals_detected_version', 'integer')
    .execute();
  await sql`
    update workspaces set
      signals_version = coalesce(
        (select s.signals_version from overlap_settings s where s.workspace_id = workspaces.id), 0),
      signals_detected_version =
        (select s.detected_version from overlap_settings s where s.workspace_id = workspaces.id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('signals_detected_version').execute();
  await db.schema.alterTable('workspaces').dropColumn('signals_version').execute();
}

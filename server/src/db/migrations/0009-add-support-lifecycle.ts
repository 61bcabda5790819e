import type { Kysely } from 'kysely';

// Lifecycle of commitments (issue 6): why and when a commitment was ended or cancelled, which
// end-of-term reminders (90 and 30 days before the end) were sent, so the daily job sends each
// exactly once per commitment and threshold, however often it runs, and the deliveries
// (check-ins) recorded against a commitment.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_commitments').addColumn('ended_at', 'varchar(30)').execute();
  await db.schema.alterTable('support_commitments').addColumn('end_reason', 'text').execute();
  await db.schema
    .createTable('support_commitment_reminders')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('commitment_id', 'varchar(36)', (c) =>
      c.notNull().references('support_commitments.id').onDelete('cascade'),
    )
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('support_commitment_reminders_pkey', ['commitment_id', 'offset_days'])
    .execute();
  await db.schema
    .createTable('support_deliveries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('commitment_id', 'varchar(36)', (c) =>
      c.notNull().references('support_commitments.id').onDelete('cascade'),
    )
    .addColumn('delivered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_deliveries_commitment_idx')
    .on('support_deliveries')
    .columns(['commitment_id', 'delivered_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('support_deliveries').execute();
  await db.schema.dropTable('support_commitment_reminders').execute();
  await db.schema.alterTable('support_commitments').dropColumn('end_reason').execute();
  await db.schema.alterTable('support_commitments').dropColumn('ended_at').execute();
}

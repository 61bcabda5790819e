import type { Kysely } from 'kysely';

// In-app notifications (meldingen), first written by the end-of-term reminders of commitments
// (issue 6) and meant for the other modules' notices too (overlap signals, issue 5). A row is one
// notice to one user in one workspace: its kind and JSON parameters (rendered in the web app's
// language), the web path it links to, and when it was read.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  // The inbox, newest first, and the header's unread count: both read one user's rows of one
  // workspace. The user leads, so deleting a user's account does not scan the table either.
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user_unread_idx')
    .on('notifications')
    .columns(['user_id', 'workspace_id', 'read_at'])
    .execute();
  // Deleting a workspace cascades here (PostgreSQL scans without an index).
  await db.schema
    .createIndex('notifications_workspace_idx')
    .on('notifications')
    .column('workspace_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}

import type { Kysely } from 'kysely';

// Check-ins of carriers ("behapbaar en betekenisvol", issue 6). A check-in belongs to the account
// that filed it (user_id) and to that account's carrier record (carrier_id, for the aggregates):
// reads go by the author, so relinking a carrier record to another account never hands over its
// check-ins. Shares let an author open their check-ins to chosen members; settings hold the
// reminder interval and language; reminders record each reminder sent, keyed by its due date, so
// it goes out once however often the job runs. Deleting the carrier or the account deletes all.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('carrier_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('check_in_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('workload', 'integer', (c) => c.notNull())
    .addColumn('energy', 'integer', (c) => c.notNull())
    .addColumn('support_felt', 'integer', (c) => c.notNull())
    .addColumn('development_wishes', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // The author's own list (newest first) and the last check-in the reminder job reads.
  await db.schema
    .createIndex('check_ins_author_date_idx')
    .on('check_ins')
    .columns(['workspace_id', 'user_id', 'check_in_date'])
    .execute();
  // The aggregates read a workspace's check-ins by date; deleting an actor or user cascades.
  await db.schema
    .createIndex('check_ins_workspace_date_idx')
    .on('check_ins')
    .columns(['workspace_id', 'check_in_date'])
    .execute();
  await db.schema
    .createIndex('check_ins_carrier_idx')
    .on('check_ins')
    .columns(['carrier_id'])
    .execute();
  await db.schema.createIndex('check_ins_user_idx').on('check_ins').columns(['user_id']).execute();

  await db.schema
    .createTable('check_in_shares')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('owner_user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('reader_user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    // Owner first: it serves the owner's list and the cascade when an owner's account goes.
    .addPrimaryKeyConstraint('check_in_shares_pkey', [
      'owner_user_id',
      'workspace_id',
      'reader_user_id',
    ])
    .execute();
  await db.schema
    .createIndex('check_in_shares_reader_idx')
    .on('check_in_shares')
    .columns(['reader_user_id', 'workspace_id'])
    .execute();

  await db.schema
    .createTable('check_in_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('reminder_interval', 'varchar(20)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('interval_set_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_settings_pkey', ['workspace_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('check_in_settings_user_idx')
    .on('check_in_settings')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('check_in_reminders')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_reminders_pkey', ['workspace_id', 'user_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('check_in_reminders_user_idx')
    .on('check_in_reminders')
    .columns(['user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('check_in_reminders').execute();
  await db.schema.dropTable('check_in_settings').execute();
  await db.schema.dropTable('check_in_shares').execute();
  await db.schema.dropTable('check_ins').execute();
}

import type { Kysely } from 'kysely';

// Ties (relaties, issue 4): who works with, supports, funds, refers to, informs, competes with or
// works against whom, between two actors of one workspace. A tie is directed (from → to) or
// mutual, has a PARTNER intensity level and a period (open end allowed). Its source is a user's
// record (created_by) or, later, a survey round: survey_round_id has no foreign key yet because
// the rounds table does not exist. Trust in matching (issue 6) reads current ties of a pair.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ties')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('from_actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('to_actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('directed', 'integer', (c) => c.notNull())
    .addColumn('intensity', 'varchar(20)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('survey_round_id', 'varchar(36)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ties_workspace_created_idx')
    .on('ties')
    .columns(['workspace_id', 'created_at'])
    .execute();
  // Both ends cascade on delete (PostgreSQL scans without an index), and the ego network and the
  // duplicate check look a tie up from either end.
  await db.schema
    .createIndex('ties_from_actor_idx')
    .on('ties')
    .columns(['from_actor_id', 'to_actor_id'])
    .execute();
  await db.schema
    .createIndex('ties_to_actor_idx')
    .on('ties')
    .columns(['to_actor_id', 'from_actor_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ties').execute();
}

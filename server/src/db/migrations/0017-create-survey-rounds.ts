import type { Kysely } from 'kysely';

// Network survey rounds (netwerkmetingen, issue 4): a round, its members (actors, each with the
// address the single-use link goes to and the link's hashed token) and the answers, one per
// respondent and other member. Closing a round writes the chosen answers as ties (source
// 'survey', survey_round_id) and leaves the answers as the round's ratings, read-only.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('intro', 'varchar(4000)', (c) => c.notNull())
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('reminder_days', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('snapshot_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_rounds_workspace_idx')
    .on('survey_rounds')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('survey_rounds_created_by_idx')
    .on('survey_rounds')
    .column('created_by')
    .execute();

  await db.schema
    .createTable('survey_members')
    .addColumn('round_id', 'varchar(36)', (c) =>
      c.notNull().references('survey_rounds.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('token_nonce', 'varchar(64)')
    .addColumn('token_hash', 'varchar(64)')
    .addColumn('invited_at', 'varchar(30)')
    .addColumn('started_at', 'varchar(30)')
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('reminded_at', 'varchar(30)')
    .addPrimaryKeyConstraint('survey_members_pk', ['round_id', 'actor_id'])
    .execute();
  await db.schema
    .createIndex('survey_members_token_idx')
    .unique()
    .on('survey_members')
    .column('token_hash')
    .execute();
  await db.schema
    .createIndex('survey_members_actor_idx')
    .on('survey_members')
    .column('actor_id')
    .execute();
  await db.schema
    .createIndex('survey_members_workspace_idx')
    .on('survey_members')
    .column('workspace_id')
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('round_id', 'varchar(36)', (c) =>
      c.notNull().references('survey_rounds.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('rater_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('alter_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('chosen', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'varchar(20)')
    .addColumn('intensity', 'varchar(20)')
    .addColumn('reliability', 'integer')
    .addColumn('mission', 'integer')
    .addColumn('openness', 'integer')
    .addColumn('power', 'integer')
    .addColumn('involvement', 'integer')
    .addColumn('resources', 'integer')
    .addColumn('brings', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answers_pk', ['round_id', 'rater_id', 'alter_id'])
    .execute();
  for (const column of ['rater_id', 'alter_id', 'workspace_id'])
    await db.schema
      .createIndex(`survey_answers_${column.replace('_id', '')}_idx`)
      .on('survey_answers')
      .column(column)
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_answers').execute();
  await db.schema.dropTable('survey_members').execute();
  await db.schema.dropTable('survey_rounds').execute();
}

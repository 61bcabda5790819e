import type { Kysely } from 'kysely';

// Longitudinal research (issue 8): studies, the workspaces each spans, the research team (a
// steward and researchers), pseudonymised participants and an append-only consent history, and a
// record of every re-identification. Special-category text is stored field-encrypted (`*_enc`,
// AES-256-GCM with the key outside the database). A participant is found again by the keyed hash
// of their identity, never by a plain name or email. Deleting a carrier record unlinks its
// participants (actor_id set null): what the study holds stays pseudonymous.

const id = 'varchar(36)';
const ts = 'varchar(30)';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('research_studies')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('research_studies_workspace_idx')
    .on('research_studies')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('research_studies_created_by_idx')
    .on('research_studies')
    .columns(['created_by'])
    .execute();

  await db.schema
    .createTable('research_study_workspaces')
    .addColumn('study_id', id, (c) =>
      c.notNull().references('research_studies.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('research_study_workspaces_pkey', ['study_id', 'workspace_id'])
    .execute();
  await db.schema
    .createIndex('research_study_workspaces_workspace_idx')
    .on('research_study_workspaces')
    .columns(['workspace_id', 'study_id'])
    .execute();

  await db.schema
    .createTable('research_study_members')
    .addColumn('study_id', id, (c) =>
      c.notNull().references('research_studies.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(12)', (c) => c.notNull())
    .addColumn('added_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('research_study_members_pkey', ['study_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('research_study_members_user_idx')
    .on('research_study_members')
    .columns(['user_id'])
    .execute();
  await db.schema
    .createIndex('research_study_members_added_by_idx')
    .on('research_study_members')
    .columns(['added_by'])
    .execute();

  await db.schema
    .createTable('research_participants')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, (c) =>
      c.notNull().references('research_studies.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('actor_id', id, (c) => c.references('actors.id').onDelete('set null'))
    .addColumn('identity_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('pseudonym', 'varchar(60)', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('research_participants_identity_key', ['study_id', 'identity_hash'])
    .addUniqueConstraint('research_participants_pseudonym_key', ['study_id', 'pseudonym'])
    .execute();
  await db.schema
    .createIndex('research_participants_actor_idx')
    .on('research_participants')
    .columns(['actor_id'])
    .execute();
  await db.schema
    .createIndex('research_participants_created_by_idx')
    .on('research_participants')
    .columns(['created_by'])
    .execute();

  await db.schema
    .createTable('research_consent_events')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, (c) =>
      c.notNull().references('research_studies.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('participant_id', id, (c) =>
      c.notNull().references('research_participants.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('decision', 'varchar(10)', (c) => c.notNull())
    .addColumn('letter_version', 'varchar(50)')
    .addColumn('method', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('recorded_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('research_consent_events_seq_key', ['participant_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('research_consent_events_study_idx')
    .on('research_consent_events')
    .columns(['study_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('research_consent_events_recorded_by_idx')
    .on('research_consent_events')
    .columns(['recorded_by'])
    .execute();

  await db.schema
    .createTable('research_reidentifications')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, (c) =>
      c.notNull().references('research_studies.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('participant_id', id, (c) =>
      c.notNull().references('research_participants.id').onDelete('cascade'),
    )
    .addColumn('user_id', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('research_reidentifications_participant_idx')
    .on('research_reidentifications')
    .columns(['participant_id'])
    .execute();
  await db.schema
    .createIndex('research_reidentifications_study_idx')
    .on('research_reidentifications')
    .columns(['study_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('research_reidentifications_user_idx')
    .on('research_reidentifications')
    .columns(['user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('research_reidentifications').execute();
  await db.schema.dropTable('research_consent_events').execute();
  await db.schema.dropTable('research_participants').execute();
  await db.schema.dropTable('research_study_members').execute();
  await db.schema.dropTable('research_study_workspaces').execute();
  await db.schema.dropTable('research_studies').execute();
}

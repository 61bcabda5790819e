import type { CreateTableBuilder, Kysely } from 'kysely';

// Carriers and organisations, what they do where, initiatives with their results and recognitions,
// the generic links of records to areas and taxonomy terms, and the directory's search index.

const id = (t: CreateTableBuilder<string>) =>
  t.addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull());
const ws = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('workspace_id', 'varchar(36)', (c) =>
    c.notNull().references('workspaces.id').onDelete('cascade'),
  );
const stamps = <T extends string>(t: CreateTableBuilder<T>) =>
  t
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamps(
    ws(id(db.schema.createTable('actors')))
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('carries', 'text')
      .addColumn('bio', 'text')
      .addColumn('org_kind', 'varchar(40)')
      .addColumn('budget_band', 'varchar(20)')
      .addColumn('staff_count', 'integer')
      .addColumn('size_class_override', 'varchar(10)')
      .addColumn('size_class', 'varchar(10)')
      .addColumn('kvk_number', 'varchar(8)')
      .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('email', 'varchar(320)')
      .addColumn('phone', 'varchar(40)')
      .addColumn('website', 'varchar(500)')
      .addColumn('contact_preferences', 'text')
      .addColumn('consent_given_at', 'varchar(30)')
      .addColumn('consent_text_version', 'varchar(40)')
      .addColumn('consent_recorded_by', 'varchar(36)', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('actors_workspace_user_key', ['workspace_id', 'user_id']),
  ).execute();
  await db.schema
    .createIndex('actors_workspace_kind_idx')
    .on('actors')
    .columns(['workspace_id', 'kind', 'name'])
    .execute();

  await ws(id(db.schema.createTable('actor_roles')))
    .addColumn('actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(40)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)')
    .addColumn('end_date', 'varchar(10)')
    .execute();
  await db.schema
    .createIndex('actor_roles_actor_idx')
    .on('actor_roles')
    .column('actor_id')
    .execute();

  await stamps(
    ws(id(db.schema.createTable('affiliations')))
      .addColumn('person_id', 'varchar(36)', (c) =>
        c.notNull().references('actors.id').onDelete('cascade'),
      )
      .addColumn('organisation_id', 'varchar(36)', (c) =>
        c.notNull().references('actors.id').onDelete('cascade'),
      )
      .addColumn('role', 'varchar(100)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('end_date', 'varchar(10)'),
  ).execute();
  await db.schema
    .createIndex('affiliations_person_idx')
    .on('affiliations')
    .column('person_id')
    .execute();
  await db.schema
    .createIndex('affiliations_organisation_idx')
    .on('affiliations')
    .column('organisation_id')
    .execute();

  await stamps(
    ws(id(db.schema.createTable('initiatives')))
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('end_date', 'varchar(10)')
      .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null')),
  ).execute();

  await db.schema
    .createTable('initiative_participants')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'varchar(36)', (c) =>
      c.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)')
    .addColumn('end_date', 'varchar(10)')
    .addPrimaryKeyConstraint('initiative_participants_pk', ['initiative_id', 'actor_id', 'role'])
    .execute();
  await db.schema
    .createIndex('initiative_participants_actor_idx')
    .on('initiative_participants')
    .column('actor_id')
    .execute();

  await stamps(
    ws(id(db.schema.createTable('activities')))
      .addColumn('actor_id', 'varchar(36)', (c) =>
        c.notNull().references('actors.id').onDelete('cascade'),
      )
      .addColumn('initiative_id', 'varchar(36)', (c) =>
        c.references('initiatives.id').onDelete('set null'),
      )
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('hours_per_week', 'double precision'),
  ).execute();
  await db.schema.createIndex('activities_actor_idx').on('activities').column('actor_id').execute();
  await db.schema
    .createIndex('activities_initiative_idx')
    .on('activities')
    .column('initiative_id')
    .execute();

  await stamps(
    ws(id(db.schema.createTable('achievements')))
      .addColumn('initiative_id', 'varchar(36)', (c) =>
        c.references('initiatives.id').onDelete('cascade'),
      )
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('occurred_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('evidence', 'text')
      .addColumn('source', 'varchar(200)'),
  ).execute();
  await db.schema
    .createIndex('achievements_initiative_idx')
    .on('achievements')
    .column('initiative_id')
    .execute();
  await db.schema
    .createTable('achievement_credits')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('achievement_id', 'varchar(36)', (c) =>
      c.notNull().references('achievements.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('achievement_credits_pk', ['achievement_id', 'actor_id'])
    .execute();
  await db.schema
    .createIndex('achievement_credits_actor_idx')
    .on('achievement_credits')
    .column('actor_id')
    .execute();

  // Generic links of any record (actor, activity, initiative, and later offers, obstacles, …) to
  // areas and to taxonomy terms: one shape for every filter "in area X, domain Y".
  await db.schema
    .createTable('record_areas')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('record_areas_pk', ['record_type', 'record_id', 'area_id'])
    .execute();
  await db.schema
    .createIndex('record_areas_area_idx')
    .on('record_areas')
    .columns(['area_id', 'record_type', 'record_id'])
    .execute();
  await db.schema
    .createTable('record_terms')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('term_id', 'varchar(36)', (c) =>
      c.notNull().references('taxonomy_terms.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('record_terms_pk', ['record_type', 'record_id', 'term_id'])
    .execute();
  await db.schema
    .createIndex('record_terms_term_idx')
    .on('record_terms')
    .columns(['term_id', 'record_type', 'record_id'])
    .execute();

  // Directory search: one entry per actor/initiative/activity with what filters need, and its
  // normalised word tokens (lower case, no diacritics) for prefix matches through an index range.
  await db.schema
    .createTable('search_entries')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('summary', 'varchar(300)')
    .addColumn('sort_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_user_id', 'varchar(36)')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_kind', 'varchar(20)')
    .addColumn('org_kind', 'varchar(40)')
    .addColumn('size_class', 'varchar(10)')
    .addColumn('start_date', 'varchar(10)')
    .addColumn('end_date', 'varchar(10)')
    .addPrimaryKeyConstraint('search_entries_pk', ['record_type', 'record_id'])
    .execute();
  await db.schema
    .createIndex('search_entries_workspace_sort_idx')
    .on('search_entries')
    .columns(['workspace_id', 'sort_key', 'record_type', 'record_id'])
    .execute();
  await db.schema
    .createTable('search_tokens')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('token', 'varchar(60)', (c) => c.notNull())
    .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_tokens_pk', [
      'workspace_id',
      'token',
      'record_type',
      'record_id',
    ])
    .execute();
  await db.schema
    .createIndex('search_tokens_record_idx')
    .on('search_tokens')
    // Covers the per-candidate word checks (EXISTS … token range) without reading the table.
    .columns(['record_type', 'record_id', 'token', 'workspace_id'])
    .execute();

  // Long imports (a whole country's buurten) run in the background and report progress here.
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_runs',
    'search_tokens',
    'search_entries',
    'record_terms',
    'record_areas',
    'achievement_credits',
    'achievements',
    'activities',
    'initiative_participants',
    'initiatives',
    'affiliations',
    'actor_roles',
    'actors',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

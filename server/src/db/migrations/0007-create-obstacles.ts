import type { CreateTableBuilder, Kysely } from 'kysely';

// The obstacle register: owners and their members, obstacles with their areas and domains,
// endorsements ("ik herken dit") and each obstacle's history. An anonymous obstacle has no column
// that could point at a person: reporter_user_id stays null and created_at is truncated to the day.

const id = (t: CreateTableBuilder<string>) =>
  t.addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull());
const ws = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('workspace_id', 'varchar(36)', (c) =>
    c.notNull().references('workspaces.id').onDelete('cascade'),
  );
const obstacleRef = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('obstacle_id', 'varchar(36)', (c) =>
    c.notNull().references('obstacles.id').onDelete('cascade'),
  );

export async function up(db: Kysely<unknown>): Promise<void> {
  await ws(id(db.schema.createTable('obstacle_owners')))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.references('actors.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('obstacle_owners_workspace_name_key', ['workspace_id', 'name'])
    .execute();

  await ws(db.schema.createTable('obstacle_owner_members'))
    .addColumn('owner_id', 'varchar(36)', (c) =>
      c.notNull().references('obstacle_owners.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('obstacle_owner_members_pkey', ['owner_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('obstacle_owner_members_user_idx')
    .on('obstacle_owner_members')
    .columns(['user_id'])
    .execute();

  await ws(id(db.schema.createTable('obstacles')))
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('subcategory', 'varchar(40)')
    .addColumn('severity', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('what_would_help', 'text')
    .addColumn('initiative_id', 'varchar(36)', (c) =>
      c.references('initiatives.id').onDelete('set null'),
    )
    .addColumn('reporter_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('reporter_user_id', 'varchar(36)', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) =>
      c.references('obstacle_owners.id').onDelete('set null'),
    )
    .addColumn('due_date', 'varchar(10)')
    .addColumn('merged_into_id', 'varchar(36)')
    .addColumn('hidden_at', 'varchar(30)')
    .addColumn('hidden_reason', 'text')
    .addColumn('first_response_at', 'varchar(30)')
    .addColumn('resolved_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('obstacles_workspace_created_idx')
    .on('obstacles')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('obstacles_owner_idx')
    .on('obstacles')
    .columns(['owner_id'])
    .execute();

  await obstacleRef(ws(db.schema.createTable('obstacle_areas')))
    .addColumn('area_id', 'varchar(36)', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('obstacle_areas_pkey', ['obstacle_id', 'area_id'])
    .execute();
  await obstacleRef(ws(db.schema.createTable('obstacle_domains')))
    .addColumn('term_id', 'varchar(36)', (c) =>
      c.notNull().references('taxonomy_terms.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('obstacle_domains_pkey', ['obstacle_id', 'term_id'])
    .execute();

  await obstacleRef(ws(id(db.schema.createTable('obstacle_endorsements'))))
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('context', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('obstacle_endorsements_obstacle_user_key', ['obstacle_id', 'user_id'])
    .execute();

  await obstacleRef(ws(id(db.schema.createTable('obstacle_events'))))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)')
    .addColumn('note', 'text')
    .addColumn('actor_role', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('obstacle_events_obstacle_seq_key', ['obstacle_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'obstacle_events',
    'obstacle_endorsements',
    'obstacle_domains',
    'obstacle_areas',
    'obstacles',
    'obstacle_owner_members',
    'obstacle_owners',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

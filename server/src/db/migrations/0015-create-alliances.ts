import type { Kysely } from 'kysely';

// Alliances (bondgenootschappen, issue 5): an alliance of carriers and small and large
// organisations, its members with seats and votes over a period, a versioned charter (a new
// version is a new row; the highest is current) with its areas and domains, the members'
// contributions per period, and a log of meetings and decisions. signal_id names the overlap
// signal the alliance came from; signals have no table yet, so it has no foreign key. Money and
// quantities are bigint (money in euro cents). Own link tables for the charter's areas and
// domains, like funding flows: record_areas/record_terms feed the directory's search and map.

const id = 'varchar(36)';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alliances')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'varchar(5000)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('decision_rule', 'varchar(30)', (c) => c.notNull())
    .addColumn('signal_id', id)
    .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alliances_workspace_created_idx')
    .on('alliances')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('alliance_members')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('alliance_id', id, (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('actor_id', id, (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alliance_members_alliance_idx')
    .on('alliance_members')
    .columns(['alliance_id', 'actor_id'])
    .execute();
  // Deleting an actor cascades (PostgreSQL scans without an index); the actor filter uses it too.
  await db.schema
    .createIndex('alliance_members_actor_idx')
    .on('alliance_members')
    .columns(['actor_id'])
    .execute();

  await db.schema
    .createTable('alliance_agreements')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('alliance_id', id, (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('aims', 'varchar(5000)', (c) => c.notNull())
    .addColumn('charter', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('alliance_agreements_version_key', ['alliance_id', 'version'])
    .execute();

  for (const [table, column, target] of [
    ['alliance_agreement_areas', 'area_id', 'areas.id'],
    ['alliance_agreement_domains', 'term_id', 'taxonomy_terms.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('workspace_id', id, (c) =>
        c.notNull().references('workspaces.id').onDelete('cascade'),
      )
      .addColumn('agreement_id', id, (c) =>
        c.notNull().references('alliance_agreements.id').onDelete('cascade'),
      )
      .addColumn(column, id, (c) => c.notNull().references(target).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pkey`, ['agreement_id', column])
      .execute();
    await db.schema
      .createIndex(`${table}_${column.replace(/_id$/, '')}_idx`)
      .on(table)
      .columns([column, 'agreement_id'])
      .execute();
  }

  await db.schema
    .createTable('alliance_contributions')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('alliance_id', id, (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('member_id', id, (c) =>
      c.notNull().references('alliance_members.id').onDelete('cascade'),
    )
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alliance_contributions_alliance_idx')
    .on('alliance_contributions')
    .columns(['alliance_id', 'period'])
    .execute();
  await db.schema
    .createIndex('alliance_contributions_member_idx')
    .on('alliance_contributions')
    .columns(['member_id'])
    .execute();

  await db.schema
    .createTable('alliance_log')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', id, (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('alliance_id', id, (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'varchar(5000)')
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alliance_log_alliance_idx')
    .on('alliance_log')
    .columns(['alliance_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'alliance_log',
    'alliance_contributions',
    'alliance_agreement_domains',
    'alliance_agreement_areas',
    'alliance_agreements',
    'alliance_members',
    'alliances',
  ])
    await db.schema.dropTable(table).execute();
}

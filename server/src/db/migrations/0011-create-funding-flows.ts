import type { Kysely } from 'kysely';

// Funding flows (geldstromen, issue 6): funder → recipient, an amount in integer euro cents
// (bigint: a core grant can exceed the € 21 million an integer column holds), a period, the
// instrument and the accountability burden, with the flow's areas and domains. The recipient is
// an actor or an initiative; recipient_alliance_id waits for alliances (no table yet, no key).
// Own link tables rather than record_areas/record_terms: those feed the directory's search, map
// and exports, which must not list funding flows.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('funding_flows')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('funder_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('recipient_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('recipient_actor_id', 'varchar(36)', (c) =>
      c.references('actors.id').onDelete('cascade'),
    )
    .addColumn('recipient_initiative_id', 'varchar(36)', (c) =>
      c.references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('recipient_alliance_id', 'varchar(36)')
    .addColumn('initiative_id', 'varchar(36)', (c) =>
      c.references('initiatives.id').onDelete('set null'),
    )
    .addColumn('title', 'varchar(200)')
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('instrument', 'varchar(30)', (c) => c.notNull())
    .addColumn('reporting_hours', 'integer', (c) => c.notNull())
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('funding_flows_workspace_created_idx')
    .on('funding_flows')
    .columns(['workspace_id', 'created_at'])
    .execute();
  // Foreign keys that cascade or set null need an index on PostgreSQL (deleting an actor or an
  // initiative would scan the table otherwise); the filters of the list use them too.
  for (const column of [
    'funder_id',
    'recipient_actor_id',
    'recipient_initiative_id',
    'initiative_id',
  ]) {
    await db.schema
      .createIndex(`funding_flows_${column.replace(/_id$/, '')}_idx`)
      .on('funding_flows')
      .columns([column])
      .execute();
  }

  await db.schema
    .createTable('funding_flow_areas')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('flow_id', 'varchar(36)', (c) =>
      c.notNull().references('funding_flows.id').onDelete('cascade'),
    )
    .addColumn('area_id', 'varchar(36)', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('funding_flow_areas_pkey', ['flow_id', 'area_id'])
    .execute();
  await db.schema
    .createIndex('funding_flow_areas_area_idx')
    .on('funding_flow_areas')
    .columns(['area_id', 'flow_id'])
    .execute();

  await db.schema
    .createTable('funding_flow_domains')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('flow_id', 'varchar(36)', (c) =>
      c.notNull().references('funding_flows.id').onDelete('cascade'),
    )
    .addColumn('term_id', 'varchar(36)', (c) =>
      c.notNull().references('taxonomy_terms.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('funding_flow_domains_pkey', ['flow_id', 'term_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('funding_flow_domains').execute();
  await db.schema.dropTable('funding_flow_areas').execute();
  await db.schema.dropTable('funding_flows').execute();
}

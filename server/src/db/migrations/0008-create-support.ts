import type { CreateTableBuilder, Kysely } from 'kysely';

// Durable support (issue 6): offers with their eligible areas and terms, needs with their terms,
// proposed matches and commitments. Amounts are integers (cents or hours per month).

const id = (t: CreateTableBuilder<string>) =>
  t.addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull());
const ws = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('workspace_id', 'varchar(36)', (c) =>
    c.notNull().references('workspaces.id').onDelete('cascade'),
  );
const ref = <T extends string>(t: CreateTableBuilder<T>, column: string, target: string) =>
  t.addColumn(column, 'varchar(36)', (c) => c.notNull().references(target).onDelete('cascade'));
const period = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('start_date', 'varchar(10)', (c) => c.notNull()).addColumn('end_date', 'varchar(10)');
const stamps = <T extends string>(t: CreateTableBuilder<T>) =>
  t
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull());
const terms = <T extends string>(t: CreateTableBuilder<T>) =>
  t.addColumn('renewal', 'varchar(20)', (c) => c.notNull()).addColumn('renewal_note', 'text');

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamps(
    period(ref(ws(id(db.schema.createTable('support_offers'))), 'provider_id', 'actors.id'))
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('capacity_per_month', 'integer', (c) => c.notNull())
      .addColumn('conditions', 'text')
      .addColumn('persons_eligible', 'integer', (c) => c.notNull())
      .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('support_offers_workspace_type_idx')
    .on('support_offers')
    .columns(['workspace_id', 'type'])
    .execute();
  await db.schema
    .createIndex('support_offers_provider_idx')
    .on('support_offers')
    .columns(['provider_id'])
    .execute();

  await ref(
    ref(ws(db.schema.createTable('support_offer_areas')), 'offer_id', 'support_offers.id'),
    'area_id',
    'areas.id',
  )
    .addPrimaryKeyConstraint('support_offer_areas_pkey', ['offer_id', 'area_id'])
    .execute();
  await ref(
    ref(ws(db.schema.createTable('support_offer_terms')), 'offer_id', 'support_offers.id'),
    'term_id',
    'taxonomy_terms.id',
  )
    .addPrimaryKeyConstraint('support_offer_terms_pkey', ['offer_id', 'term_id'])
    .execute();

  await stamps(
    period(ref(ws(id(db.schema.createTable('support_needs'))), 'requester_id', 'actors.id'))
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('amount_per_month', 'integer', (c) => c.notNull())
      .addColumn('urgency', 'varchar(10)', (c) => c.notNull())
      .addColumn('area_id', 'varchar(36)', (c) =>
        c.notNull().references('areas.id').onDelete('cascade'),
      )
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('visibility', 'varchar(20)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('support_needs_workspace_type_idx')
    .on('support_needs')
    .columns(['workspace_id', 'type'])
    .execute();
  await db.schema
    .createIndex('support_needs_requester_idx')
    .on('support_needs')
    .columns(['requester_id'])
    .execute();

  await ref(
    ref(ws(db.schema.createTable('support_need_terms')), 'need_id', 'support_needs.id'),
    'term_id',
    'taxonomy_terms.id',
  )
    .addPrimaryKeyConstraint('support_need_terms_pkey', ['need_id', 'term_id'])
    .execute();

  await stamps(
    terms(
      period(
        ref(
          ref(ws(id(db.schema.createTable('support_matches'))), 'offer_id', 'support_offers.id'),
          'need_id',
          'support_needs.id',
        ),
      ),
    )
      .addColumn('amount_per_month', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('proposed_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('provider_accepted_at', 'varchar(30)')
      .addColumn('provider_accepted_by', 'varchar(36)', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('recipient_accepted_at', 'varchar(30)')
      .addColumn('recipient_accepted_by', 'varchar(36)', (c) =>
        c.references('users.id').onDelete('set null'),
      )
      .addColumn('decided_at', 'varchar(30)'),
  ).execute();
  await db.schema
    .createIndex('support_matches_offer_idx')
    .on('support_matches')
    .columns(['offer_id'])
    .execute();
  await db.schema
    .createIndex('support_matches_need_idx')
    .on('support_matches')
    .columns(['need_id'])
    .execute();

  await stamps(
    terms(
      period(
        ref(
          ref(
            ref(
              ws(id(db.schema.createTable('support_commitments'))),
              'offer_id',
              'support_offers.id',
            ),
            'provider_id',
            'actors.id',
          ),
          'recipient_id',
          'actors.id',
        ),
      ),
    )
      .addColumn('match_id', 'varchar(36)', (c) =>
        c.references('support_matches.id').onDelete('set null'),
      )
      .addColumn('need_id', 'varchar(36)', (c) =>
        c.references('support_needs.id').onDelete('set null'),
      )
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('amount_per_month', 'integer', (c) => c.notNull())
      .addColumn('renewed_from_id', 'varchar(36)')
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addUniqueConstraint('support_commitments_match_key', ['match_id']),
  ).execute();
  await db.schema
    .createIndex('support_commitments_offer_idx')
    .on('support_commitments')
    .columns(['offer_id'])
    .execute();
  await db.schema
    .createIndex('support_commitments_recipient_idx')
    .on('support_commitments')
    .columns(['recipient_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'support_commitments',
    'support_matches',
    'support_need_terms',
    'support_needs',
    'support_offer_terms',
    'support_offer_areas',
    'support_offers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

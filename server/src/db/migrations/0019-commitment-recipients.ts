import { sql, type Kysely } from 'kysely';
import { isSqlite, rebuildSqliteTable, replaceOnce } from '../sqlite-rebuild.ts';

// Commitments (toezeggingen, issue 6) go to an actor, an initiative or an alliance, as funding
// flows do: `recipient_type` says which, `recipient_id` keeps meaning the actor (now null for the
// other kinds), `recipient_initiative_id` / `recipient_alliance_id` hold the others. Existing
// commitments become `actor`. Funding flows' reserved `recipient_alliance_id` gets its key now that
// alliances have a table (0015). SQLite rebuilds both tables (sqlite-rebuild.ts); PostgreSQL
// alters them in place.

const NEW_COMMITMENT_COLUMNS =
  ', "recipient_type" varchar(20) not null' +
  ', "recipient_initiative_id" varchar(36) references "initiatives" ("id") on delete cascade' +
  ', "recipient_alliance_id" varchar(36) references "alliances" ("id") on delete cascade';
const RECIPIENT_NOT_NULL = '"recipient_id" varchar(36) not null references';
const RECIPIENT_NULLABLE = '"recipient_id" varchar(36) references';
const MATCH_KEY = ', constraint "support_commitments_match_key"';
const ALLIANCE_PLAIN = '"recipient_alliance_id" varchar(36),';
const ALLIANCE_KEYED =
  '"recipient_alliance_id" varchar(36) references "alliances" ("id") on delete cascade,';

const COMMITMENT_CHILDREN = ['support_commitment_reminders', 'support_deliveries'];
const FLOW_CHILDREN = ['funding_flow_areas', 'funding_flow_domains'];

const INDEXES = [
  [
    'support_commitments_recipient_initiative_idx',
    'support_commitments',
    'recipient_initiative_id',
  ],
  ['support_commitments_recipient_alliance_idx', 'support_commitments', 'recipient_alliance_id'],
  ['funding_flows_recipient_alliance_idx', 'funding_flows', 'recipient_alliance_id'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isSqlite(db)) {
    await rebuildSqliteTable(
      db,
      'support_commitments',
      (s) =>
        replaceOnce(
          replaceOnce(s, RECIPIENT_NOT_NULL, RECIPIENT_NULLABLE),
          MATCH_KEY,
          `${NEW_COMMITMENT_COLUMNS}${MATCH_KEY}`,
        ),
      COMMITMENT_CHILDREN,
      { recipient_type: "'actor'" },
    );
    await rebuildSqliteTable(
      db,
      'funding_flows',
      (s) => replaceOnce(s, ALLIANCE_PLAIN, ALLIANCE_KEYED),
      FLOW_CHILDREN,
    );
  } else {
    await db.schema
      .alterTable('support_commitments')
      .addColumn('recipient_type', 'varchar(20)', (c) => c.notNull().defaultTo('actor'))
      .execute();
    await sql`alter table support_commitments alter column recipient_type drop default`.execute(db);
    await db.schema
      .alterTable('support_commitments')
      .addColumn('recipient_initiative_id', 'varchar(36)', (c) =>
        c.references('initiatives.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .alterTable('support_commitments')
      .addColumn('recipient_alliance_id', 'varchar(36)', (c) =>
        c.references('alliances.id').onDelete('cascade'),
      )
      .execute();
    await db.schema
      .alterTable('support_commitments')
      .alterColumn('recipient_id', (c) => c.dropNotNull())
      .execute();
    await db.schema
      .alterTable('funding_flows')
      .addForeignKeyConstraint(
        'funding_flows_recipient_alliance_fkey',
        ['recipient_alliance_id'],
        'alliances',
        ['id'],
        (c) => c.onDelete('cascade'),
      )
      .execute();
  }
  // Foreign keys that cascade need an index on PostgreSQL; the lists filter on them too.
  for (const [name, table, column] of INDEXES)
    await db.schema.createIndex(name).on(table).columns([column]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
  // What the earlier schema cannot hold goes (deliveries and reminders cascade with it).
  await sql`delete from support_commitments where recipient_type <> 'actor'`.execute(db);
  await sql`delete from funding_flows where recipient_type = 'alliance'`.execute(db);
  if (isSqlite(db)) {
    await rebuildSqliteTable(
      db,
      'support_commitments',
      (s) =>
        replaceOnce(
          replaceOnce(s, NEW_COMMITMENT_COLUMNS, ''),
          RECIPIENT_NULLABLE,
          RECIPIENT_NOT_NULL,
        ),
      COMMITMENT_CHILDREN,
    );
    await rebuildSqliteTable(
      db,
      'funding_flows',
      (s) => replaceOnce(s, ALLIANCE_KEYED, ALLIANCE_PLAIN),
      FLOW_CHILDREN,
    );
  } else {
    await db.schema
      .alterTable('funding_flows')
      .dropConstraint('funding_flows_recipient_alliance_fkey')
      .execute();
    await db.schema
      .alterTable('support_commitments')
      .alterColumn('recipient_id', (c) => c.setNotNull())
      .execute();
    for (const column of ['recipient_alliance_id', 'recipient_initiative_id', 'recipient_type'])
      await db.schema.alterTable('support_commitments').dropColumn(column).execute();
  }
}

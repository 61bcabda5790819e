import type { Kysely } from 'kysely';

// Domains and target groups per workspace. Terms are archived, never deleted: records refer to them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('taxonomy_terms')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull())
    .addColumn('label_nl', 'varchar(200)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('taxonomy_terms_workspace_kind_slug_key', ['workspace_id', 'kind', 'slug'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('taxonomy_terms').execute();
}

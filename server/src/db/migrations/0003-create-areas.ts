import type { Kysely } from 'kysely';

// Areas (gemeente/wijk/buurt) per workspace and CBS year, with their indicators per year.
// Geometry is GeoJSON text in WGS84: portable across both dialects (no PostGIS/SpatiaLite needed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('areas')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('code', 'varchar(10)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('cbs_year', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(10)')
    .addColumn('geometry', 'text')
    .addColumn('display_geometry', 'text')
    .addColumn('population', 'integer')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('areas_workspace_code_year_key', ['workspace_id', 'code', 'cbs_year'])
    .execute();
  await db.schema
    .createIndex('areas_workspace_level_idx')
    .on('areas')
    .columns(['workspace_id', 'level'])
    .execute();

  await db.schema
    .createTable('area_indicators')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('area_id', 'varchar(36)', (c) =>
      c.notNull().references('areas.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addPrimaryKeyConstraint('area_indicators_pk', ['area_id', 'year', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('area_indicators').execute();
  await db.schema.dropTable('areas').execute();
}

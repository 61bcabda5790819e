import type { Kysely } from 'kysely';

// Member lists are ordered by name: with this index a page can be read in order and stop early
// instead of sorting every member of the workspace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('users_display_name_idx')
    .on('users')
    .columns(['display_name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_display_name_idx').execute();
}

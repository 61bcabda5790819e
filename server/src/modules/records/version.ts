import type { Db } from '../../db/dialect.ts';

/**
 * Marks the workspace's directory read models as changed (search, map layer, area pages): caches
 * keyed on `workspaces.directory_version` miss from the next request on, in every server process.
 * Call it inside the writing transaction, so the new version and the new data commit together.
 */
export async function bumpDirectoryVersion(db: Db, workspaceId: string): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ directory_version: eb('directory_version', '+', 1) }))
    .where('id', '=', workspaceId)
    .execute();
}

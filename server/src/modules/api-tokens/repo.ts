import type { Db } from '../../db/dialect.ts';
import type { ApiToken } from '../../db/types.ts';

export async function touchApiToken(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertApiToken(db: Db, row: ApiToken): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export const listApiTokens = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export async function revokeApiToken(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeAllOf(db: Db, workspaceId: string, userId: string, at: string) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

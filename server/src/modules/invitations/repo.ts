import type { Db } from '../../db/dialect.ts';
import type { Invitation } from '../../db/types.ts';

export async function insertInvitation(db: Db, row: Invitation): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .selectAll('invitations')
    .select(['workspaces.slug as workspace_slug', 'workspaces.name as workspace_name'])
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();

export async function listInvitations(db: Db, workspaceId: string, offset: number, limit: number) {
  const base = db.selectFrom('invitations').where('workspace_id', '=', workspaceId);
  const [items, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const findOpenInvitation = (db: Db, workspaceId: string, email: string, now: string) =>
  db
    .selectFrom('invitations')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Marks the invitation accepted only if it is still open; true when this call did it. */
export async function acceptInvitationRow(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeInvitationRow(db: Db, workspaceId: string, id: string, now: string) {
  const r = await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

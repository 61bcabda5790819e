import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentsTable } from '../../db/types.ts';

// Ending, renewing and measuring commitments. Every query filters on the workspace.

export async function updateCommitment(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<SupportCommitmentsTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('support_commitments')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** The commitment that renews this one, if any (a commitment is renewed at most once). */
export const renewalOf = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('support_commitments')
    .select(['id', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('renewed_from_id', '=', id)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();

/** Initiatives with a start date that list the actor as a carrier. */
export const carrierInitiativesOf = async (db: Db, workspaceId: string, actorId: string) =>
  (
    await db
      .selectFrom('initiatives')
      .innerJoin(
        'initiative_participants',
        'initiative_participants.initiative_id',
        'initiatives.id',
      )
      .select(['initiatives.id', 'initiatives.start_date', 'initiatives.end_date'])
      .where('initiatives.workspace_id', '=', workspaceId)
      .where('initiative_participants.workspace_id', '=', workspaceId)
      .where('initiative_participants.actor_id', '=', actorId)
      .where('initiative_participants.role', '=', 'carrier')
      .where('initiatives.start_date', 'is not', null)
      .orderBy('initiatives.id')
      .execute()
  ).map((i) => ({ id: i.id, start: i.start_date!, end: i.end_date, carrierIds: [actorId] }));

import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentRemindersTable } from '../../db/types.ts';

// End-of-term reminders. The job reads across workspaces (it serves all of them); what it writes
// and every address it looks up is tied to the commitment's workspace.

/** Active commitments of every workspace ending from `from` to `to` (inclusive). */
export const commitmentsEndingBetween = (db: Db, from: string, to: string) =>
  db
    .selectFrom('support_commitments as c')
    .innerJoin('workspaces as w', 'w.id', 'c.workspace_id')
    .innerJoin('support_offers as o', 'o.id', 'c.offer_id')
    .innerJoin('actors as r', 'r.id', 'c.recipient_id')
    .select([
      'c.id',
      'c.workspace_id',
      'c.end_date',
      'w.slug',
      'o.title',
      'r.name as recipient_name',
      'r.user_id as recipient_user_id',
    ])
    .where('c.status', '=', 'active')
    .where('c.end_date', '>=', from)
    .where('c.end_date', '<=', to)
    .orderBy('c.end_date')
    .orderBy('c.id')
    .execute();

/** The offsets already handled, per commitment. */
export async function handledReminders(db: Db, commitmentIds: readonly string[]) {
  const out = new Map<string, number[]>();
  if (commitmentIds.length === 0) return out;
  const rows = await db
    .selectFrom('support_commitment_reminders')
    .select(['commitment_id', 'offset_days'])
    .where('commitment_id', 'in', [...commitmentIds])
    .execute();
  for (const r of rows)
    out.set(r.commitment_id, [...(out.get(r.commitment_id) ?? []), Number(r.offset_days)]);
  return out;
}

/** Records a reminder; false when it was already recorded (by an earlier or concurrent run). */
export async function claimReminder(
  db: Db,
  row: SupportCommitmentRemindersTable,
): Promise<boolean> {
  const result = await db
    .insertInto('support_commitment_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['commitment_id', 'offset_days']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Who hears of a commitment: the provider side (the workspace's coordinators and admins, who act
 * for offering organisations) and the recipient carrier's own account; active accounts only.
 */
export const partyAddresses = (db: Db, workspaceId: string, recipientUserId: string | null) =>
  db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.email', 'users.language'])
    .distinct()
    .where('memberships.workspace_id', '=', workspaceId)
    .where('users.deactivated_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('memberships.role', 'in', ['admin', 'coordinator']),
        eb('users.id', '=', recipientUserId ?? '-'),
      ]),
    )
    .orderBy('users.id')
    .execute();

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
    .leftJoin('actors as r', 'r.id', 'c.recipient_id')
    .leftJoin('initiatives as ri', 'ri.id', 'c.recipient_initiative_id')
    .leftJoin('alliances as ra', 'ra.id', 'c.recipient_alliance_id')
    .select((eb) => [
      'c.id',
      'c.workspace_id',
      'c.end_date',
      'c.recipient_type',
      'c.recipient_id',
      'c.recipient_initiative_id',
      'c.recipient_alliance_id',
      'w.slug',
      'o.title',
      eb.fn.coalesce('r.name', 'ri.name', 'ra.name', eb.val('')).as('recipient_name'),
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
 * for offering organisations) and the recipient side's accounts (recipients.ts: the carrier, an
 * initiative's carriers or an alliance's leads); active members of the workspace only.
 */
export const partyAddresses = (db: Db, workspaceId: string, recipientUserIds: readonly string[]) =>
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
        eb('users.id', 'in', recipientUserIds.length ? [...recipientUserIds] : ['-']),
      ]),
    )
    .orderBy('users.id')
    .execute();

import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { CommitmentRecipientType, SupportCommitmentsTable } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import { isManager, userIdOf } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { findCommitment } from './match-repo.ts';
import { allianceMemberUsers, initiativeCarrierUsers } from './recipient-repo.ts';

// The recipient side of a commitment (docs/support.md, "Who sees a commitment"). Coordinators and
// admins see and act for every commitment (they act for the offering organisations). Otherwise,
// least visibility:
// - to an actor: the account linked to that carrier sees it and acts for it;
// - to an initiative: the accounts of the initiative's carriers see it and act for it;
// - to an alliance: the accounts of its current members (no end date, or one not passed) see it;
//   only its leads (trekkers) act for it (record deliveries) and get its end-of-term reminders.

type RecipientColumns = Pick<
  SupportCommitmentsTable,
  'recipient_type' | 'recipient_id' | 'recipient_initiative_id' | 'recipient_alliance_id'
>;

/** The commitment's recipient: its kind and the id of the actor, initiative or alliance. */
export const recipientOf = (
  r: RecipientColumns,
): { type: CommitmentRecipientType; id: string } => ({
  type: r.recipient_type,
  id:
    (r.recipient_type === 'actor'
      ? r.recipient_id
      : r.recipient_type === 'initiative'
        ? r.recipient_initiative_id
        : r.recipient_alliance_id) ?? '',
});

/** The id columns of a recipient, the two others null. */
export const recipientColumns = (type: CommitmentRecipientType, id: string): RecipientColumns => ({
  recipient_type: type,
  recipient_id: type === 'actor' ? id : null,
  recipient_initiative_id: type === 'initiative' ? id : null,
  recipient_alliance_id: type === 'alliance' ? id : null,
});

export interface RecipientAccess {
  sees: boolean;
  acts: boolean;
}

/** Whether the caller sees the commitment and acts for its recipient, on `asOf`. */
export async function recipientAccess(
  db: Db,
  actor: Actor,
  workspaceId: string,
  row: RecipientColumns,
  asOf: string,
): Promise<RecipientAccess> {
  if (isManager(actor, workspaceId)) return { sees: true, acts: true };
  const userId = userIdOf(actor);
  if (userId === null) return { sees: false, acts: false };
  const { type, id } = recipientOf(row);
  if (type === 'actor') {
    const own = (await findActor(db, workspaceId, id))?.user_id === userId;
    return { sees: own, acts: own };
  }
  if (type === 'initiative') {
    const own = (await initiativeCarrierUsers(db, workspaceId, id)).includes(userId);
    return { sees: own, acts: own };
  }
  const members = (await allianceMemberUsers(db, workspaceId, id, asOf)).filter(
    (m) => m.userId === userId,
  );
  return { sees: members.length > 0, acts: members.some((m) => m.role === 'lead') };
}

/** The commitment the caller may see, with what they may do, or 404. */
export async function viewCommitment(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  asOf: string,
) {
  const row = await findCommitment(db, workspaceId, id);
  const access = row ? await recipientAccess(db, actor, workspaceId, row, asOf) : undefined;
  if (!row || !access?.sees) throw notFound('No such commitment.');
  return { row, access };
}

/**
 * The accounts that hear of the end of a commitment on the recipient side: the carrier's own, the
 * initiative's carriers', or the alliance's leads' (on `asOf`).
 */
export async function recipientUsers(
  db: Db,
  workspaceId: string,
  row: RecipientColumns,
  asOf: string,
): Promise<string[]> {
  const { type, id } = recipientOf(row);
  if (type === 'actor') {
    const userId = (await findActor(db, workspaceId, id))?.user_id;
    return userId ? [userId] : [];
  }
  if (type === 'initiative') return initiativeCarrierUsers(db, workspaceId, id);
  return (await allianceMemberUsers(db, workspaceId, id, asOf))
    .filter((m) => m.role === 'lead')
    .map((m) => m.userId);
}

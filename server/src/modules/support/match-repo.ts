import type { Db } from '../../db/dialect.ts';
import type {
  CommitmentRecipientType,
  CommitmentStatus,
  MatchStatus,
  SupportCommitmentsTable,
  SupportMatchesTable,
} from '../../db/types.ts';

import { seenByUser } from './recipient-repo.ts';

// Proposed matches and commitments. Every query filters on the workspace.

export async function insertMatch(db: Db, row: SupportMatchesTable): Promise<void> {
  await db.insertInto('support_matches').values(row).execute();
}

export async function updateMatch(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<SupportMatchesTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('support_matches')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findMatch = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('support_matches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Open proposals of the same offer and need. */
export const proposalsOf = (db: Db, workspaceId: string, offerId: string, needId: string) =>
  db
    .selectFrom('support_matches')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('offer_id', '=', offerId)
    .where('need_id', '=', needId)
    .where('status', '=', 'proposed')
    .execute();

export interface MatchFilter {
  status?: MatchStatus | undefined;
  offerId?: string | undefined;
  needId?: string | undefined;
  /** Only matches whose need's requester is linked to this user (undefined: all). */
  requesterUserId?: string | undefined;
}

export async function listMatches(
  db: Db,
  workspaceId: string,
  f: MatchFilter,
  offset: number,
  limit: number,
) {
  let base = db
    .selectFrom('support_matches')
    .innerJoin('support_needs', 'support_needs.id', 'support_matches.need_id')
    .innerJoin('actors', 'actors.id', 'support_needs.requester_id')
    .where('support_matches.workspace_id', '=', workspaceId)
    .where('support_needs.workspace_id', '=', workspaceId);
  if (f.status) base = base.where('support_matches.status', '=', f.status);
  if (f.offerId) base = base.where('support_matches.offer_id', '=', f.offerId);
  if (f.needId) base = base.where('support_matches.need_id', '=', f.needId);
  if (f.requesterUserId) base = base.where('actors.user_id', '=', f.requesterUserId);
  const [rows, total] = await Promise.all([
    base
      .selectAll('support_matches')
      .orderBy('support_matches.created_at', 'desc')
      .orderBy('support_matches.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertCommitment(db: Db, row: SupportCommitmentsTable): Promise<void> {
  await db.insertInto('support_commitments').values(row).execute();
}

export const findCommitment = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('support_commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Active commitments that use an offer's capacity (the matching's load). */
export const activeCommitmentsOfOffers = (db: Db, workspaceId: string, offerIds: string[]) =>
  offerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('support_commitments')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'active')
        .where('offer_id', 'in', offerIds)
        .orderBy('id')
        .execute();

const RECIPIENT_COLUMN = {
  actor: 'recipient_id',
  initiative: 'recipient_initiative_id',
  alliance: 'recipient_alliance_id',
} as const;

/** Active commitments of an offer to a recipient (duplicates are checked against them). */
export const activeCommitmentsOfPair = (
  db: Db,
  workspaceId: string,
  offerId: string,
  recipient: { type: CommitmentRecipientType; id: string },
) =>
  db
    .selectFrom('support_commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .where('offer_id', '=', offerId)
    .where('recipient_type', '=', recipient.type)
    .where(RECIPIENT_COLUMN[recipient.type], '=', recipient.id)
    .execute();

export const commitmentsExist = async (
  db: Db,
  workspaceId: string,
  by: { offerId?: string; needId?: string },
) =>
  (await db
    .selectFrom('support_commitments')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .$if(by.offerId !== undefined, (q) => q.where('offer_id', '=', by.offerId!))
    .$if(by.needId !== undefined, (q) => q.where('need_id', '=', by.needId!))
    .limit(1)
    .executeTakeFirst()) !== undefined;

export interface CommitmentFilter {
  status?: CommitmentStatus | undefined;
  offerId?: string | undefined;
  recipientId?: string | undefined;
  recipientType?: CommitmentRecipientType | undefined;
  recipientInitiativeId?: string | undefined;
  recipientAllianceId?: string | undefined;
  /** Only commitments this user sees as the recipient side (undefined: all); see recipients.ts. */
  seenBy?: { userId: string; asOf: string } | undefined;
}

export async function listCommitments(
  db: Db,
  workspaceId: string,
  f: CommitmentFilter,
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('support_commitments as c').where('c.workspace_id', '=', workspaceId);
  if (f.status) base = base.where('c.status', '=', f.status);
  if (f.offerId) base = base.where('c.offer_id', '=', f.offerId);
  if (f.recipientId) base = base.where('c.recipient_id', '=', f.recipientId);
  if (f.recipientType) base = base.where('c.recipient_type', '=', f.recipientType);
  if (f.recipientInitiativeId)
    base = base.where('c.recipient_initiative_id', '=', f.recipientInitiativeId);
  if (f.recipientAllianceId)
    base = base.where('c.recipient_alliance_id', '=', f.recipientAllianceId);
  const seen = f.seenBy;
  if (seen) base = base.where((eb) => seenByUser(eb, seen.userId, seen.asOf));
  const [rows, total] = await Promise.all([
    base
      .selectAll('c')
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

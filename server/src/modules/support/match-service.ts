import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentsTable, SupportMatchesTable } from '../../db/types.ts';
import { conflict, fieldError, forbidden, notFound, type FieldError } from '../../http/problem.ts';
import { invalid, isManager, userIdOf } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { mayEditNeed, mayEditOffer, seesNeed, seesOffer, unitOf } from './access.ts';
import { commitmentDtos } from './commitment-dto.ts';
import { defaultTerms, termErrors } from './commitment-rules.ts';
import {
  findMatch,
  insertCommitment,
  insertMatch,
  listCommitments,
  listMatches,
  updateMatch,
} from './match-repo.ts';
import type { CommitmentListQuery, MatchCreate, MatchListQuery, MatchOut } from './match-schema.ts';
import { findNeed } from './need-repo.ts';
import { recipientColumns, viewCommitment } from './recipients.ts';
import { findOffer, lockOffer } from './repo.ts';

// Proposed matches and the commitments (toezeggingen) they become once both sides accept: the
// offering organisation's editors (coordinators) and the need's editors (the carrier themselves
// or coordinators). Coordinators and admins see every match and commitment; other members those
// of their own carrier.

type Side = 'provider' | 'recipient';

/** The match's offer, need and requester, and the sides the caller may act for. */
async function partiesOf(db: Db, actor: Actor, workspaceId: string, m: SupportMatchesTable) {
  const offer = (await findOffer(db, workspaceId, m.offer_id))!;
  const need = (await findNeed(db, workspaceId, m.need_id))!;
  const requester = (await findActor(db, workspaceId, need.requester_id))!;
  const sides: Side[] = [];
  if (mayEditOffer(actor, workspaceId)) sides.push('provider');
  if (mayEditNeed(actor, workspaceId, requester)) sides.push('recipient');
  return { offer, need, requester, sides };
}

async function matchOut(
  db: Db,
  actor: Actor,
  workspaceId: string,
  m: SupportMatchesTable,
): Promise<MatchOut> {
  const p = await partiesOf(db, actor, workspaceId, m);
  const commitment = await db
    .selectFrom('support_commitments')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('match_id', '=', m.id)
    .executeTakeFirst();
  const open = m.status === 'proposed';
  return {
    id: m.id,
    offerId: m.offer_id,
    needId: m.need_id,
    providerId: p.offer.provider_id,
    recipientId: p.need.requester_id,
    type: p.offer.type,
    unit: unitOf(p.offer.type),
    amountPerMonth: Number(m.amount_per_month),
    startDate: m.start_date,
    endDate: m.end_date,
    renewal: m.renewal,
    renewalNote: m.renewal_note,
    status: m.status,
    providerAcceptedAt: m.provider_accepted_at,
    recipientAcceptedAt: m.recipient_accepted_at,
    commitmentId: commitment?.id ?? null,
    canAcceptFor: open
      ? p.sides.filter((s) =>
          s === 'provider' ? !m.provider_accepted_at : !m.recipient_accepted_at,
        )
      : [],
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

/** A match the caller may act for at least one side of, or 404. */
async function viewMatch(db: Db, actor: Actor, workspaceId: string, id: string) {
  const m = await findMatch(db, workspaceId, id);
  if (!m) throw notFound('No such match.');
  const p = await partiesOf(db, actor, workspaceId, m);
  if (p.sides.length === 0) throw notFound('No such match.');
  return { m, ...p };
}

export async function proposeMatch(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: MatchCreate,
) {
  assertCan(actor, 'support.self', workspaceId);
  const m = await ctx.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, workspaceId, input.offerId);
    const need = await findNeed(trx, workspaceId, input.needId);
    const requester = need ? await findActor(trx, workspaceId, need.requester_id) : undefined;
    const errors: FieldError[] = [];
    if (!offer || !seesOffer(actor, offer))
      errors.push(fieldError('/offerId', 'unknown_offer', 'No such offer in this workspace.'));
    if (!need || !requester || !seesNeed(actor, need, requester))
      errors.push(fieldError('/needId', 'unknown_need', 'No such need in this workspace.'));
    if (errors.length) throw invalid(errors);
    if (!mayEditOffer(actor, workspaceId) && !mayEditNeed(actor, workspaceId, requester!))
      throw forbidden('Only the editors of the offer or of the need may propose a match.');
    const base = defaultTerms(offer!, need!);
    const terms = {
      amountPerMonth: input.amountPerMonth ?? base.amountPerMonth,
      startDate: input.startDate ?? base.startDate,
      endDate: input.endDate !== undefined ? input.endDate : base.endDate,
    };
    errors.push(...(await termErrors(trx, offer!, need!, requester!, terms)));
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: SupportMatchesTable = {
      id: newId(),
      workspace_id: workspaceId,
      offer_id: offer!.id,
      need_id: need!.id,
      amount_per_month: terms.amountPerMonth,
      start_date: terms.startDate,
      end_date: terms.endDate,
      renewal: input.renewal ?? 'none',
      renewal_note: input.renewalNote || null,
      status: 'proposed',
      proposed_by: userIdOf(actor),
      provider_accepted_at: null,
      provider_accepted_by: null,
      recipient_accepted_at: null,
      recipient_accepted_by: null,
      decided_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertMatch(trx, row);
    return row;
  });
  return matchOut(ctx.db, actor, workspaceId, m);
}

/**
 * One side accepts. When the other side already has, the commitment is written in the same
 * transaction, after the rules are checked again (capacity or another commitment may have changed
 * since the proposal): 409 with every error, and nothing written, when they no longer hold.
 */
export async function acceptMatch(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  side: Side,
) {
  assertCan(actor, 'support.self', workspaceId);
  const m = await ctx.db.transaction().execute(async (trx) => {
    const v = await viewMatch(trx, actor, workspaceId, id);
    if (!v.sides.includes(side)) throw forbidden(`You may not accept for the ${side}.`);
    if (v.m.status !== 'proposed') throw conflict('match_closed', `This match is ${v.m.status}.`);
    const already = side === 'provider' ? v.m.provider_accepted_at : v.m.recipient_accepted_at;
    if (already) throw conflict('already_accepted', `The ${side} already accepted.`);
    const now = nowIso(ctx);
    const by = userIdOf(actor);
    const set: Partial<SupportMatchesTable> =
      side === 'provider'
        ? { provider_accepted_at: now, provider_accepted_by: by, updated_at: now }
        : { recipient_accepted_at: now, recipient_accepted_by: by, updated_at: now };
    const next = { ...v.m, ...set };
    if (next.provider_accepted_at && next.recipient_accepted_at) {
      await lockOffer(trx, workspaceId, v.offer.id);
      const terms = {
        amountPerMonth: Number(v.m.amount_per_month),
        startDate: v.m.start_date,
        endDate: v.m.end_date,
      };
      const errors = await termErrors(trx, v.offer, v.need, v.requester, terms, v.m.id);
      if (errors.length)
        throw conflict(
          'commitment_conflict',
          'The match no longer fits; nothing was saved.',
          errors,
        );
      const commitment: SupportCommitmentsTable = {
        id: newId(),
        workspace_id: workspaceId,
        match_id: v.m.id,
        offer_id: v.offer.id,
        need_id: v.need.id,
        provider_id: v.offer.provider_id,
        ...recipientColumns('actor', v.need.requester_id),
        type: v.offer.type,
        amount_per_month: terms.amountPerMonth,
        start_date: terms.startDate,
        end_date: terms.endDate,
        renewal: v.m.renewal,
        renewal_note: v.m.renewal_note,
        renewed_from_id: null,
        status: 'active',
        ended_at: null,
        end_reason: null,
        created_at: now,
        updated_at: now,
      };
      await insertCommitment(trx, commitment);
      Object.assign(set, { status: 'committed', decided_at: now });
    }
    await updateMatch(trx, workspaceId, id, set);
    return { ...v.m, ...set };
  });
  return matchOut(ctx.db, actor, workspaceId, m);
}

/** Either side declines an open proposal. */
export async function declineMatch(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.self', workspaceId);
  const m = await ctx.db.transaction().execute(async (trx) => {
    const v = await viewMatch(trx, actor, workspaceId, id);
    if (v.m.status !== 'proposed') throw conflict('match_closed', `This match is ${v.m.status}.`);
    const now = nowIso(ctx);
    const set = { status: 'declined' as const, decided_at: now, updated_at: now };
    await updateMatch(trx, workspaceId, id, set);
    return { ...v.m, ...set };
  });
  return matchOut(ctx.db, actor, workspaceId, m);
}

export async function getMatch(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.read', workspaceId);
  const { m } = await viewMatch(ctx.db, actor, workspaceId, id);
  return matchOut(ctx.db, actor, workspaceId, m);
}

/** Coordinators see every match; other members those of their own carrier's needs. */
const ownOnly = (actor: Actor, workspaceId: string) =>
  isManager(actor, workspaceId) ? undefined : (userIdOf(actor) ?? '-');

export async function getMatches(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<MatchListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'support.read', workspaceId);
  const { rows, total } = await listMatches(
    ctx.db,
    workspaceId,
    { ...q, requesterUserId: ownOnly(actor, workspaceId) },
    page.offset,
    page.limit,
  );
  const items: MatchOut[] = [];
  for (const r of rows) items.push(await matchOut(ctx.db, actor, workspaceId, r));
  return { items, total };
}

export async function getCommitments(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<CommitmentListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'support.read', workspaceId);
  const userId = ownOnly(actor, workspaceId);
  const { rows, total } = await listCommitments(
    ctx.db,
    workspaceId,
    { ...q, seenBy: userId ? { userId, asOf: nowIso(ctx).slice(0, 10) } : undefined },
    page.offset,
    page.limit,
  );
  return { items: await commitmentDtos(ctx.db, workspaceId, rows), total };
}

export async function getCommitment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'support.read', workspaceId);
  const { row } = await viewCommitment(ctx.db, actor, workspaceId, id, nowIso(ctx).slice(0, 10));
  return (await commitmentDtos(ctx.db, workspaceId, [row]))[0]!;
}

import {
  indexNeeds,
  indexOffers,
  matchNeed,
  matchOffer,
  type MatchContext,
  type MatchSuggestion,
  type OfferCommitment,
  type RequesterKind,
  type SupportNeed,
  type SupportOffer,
} from '../../analytics/support/index.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type {
  SupportCommitmentsTable,
  SupportNeedsTable,
  SupportOffersTable,
} from '../../db/types.ts';
import { forbidden } from '../../http/problem.ts';
import { actorsByIds, type ActorRef } from '../activities/refs-repo.ts';
import { knownTerms } from '../records/repo.ts';
import { trustAround, type TrustSource } from '../ties/trust-source.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { mayEditNeed, seesNeed, viewNeed, viewOffer } from './access.ts';
import { needDtos, offerDtos } from './dto.ts';
import { activeCommitmentsOfOffers } from './match-repo.ts';
import { needTerms, openNeedsOfType } from './need-repo.ts';
import { areaParents, offerLinks, offersOfType } from './repo.ts';

// Ranked, explained suggestions, computed by analytics/support from rows mapped to its inputs.
// Existing trust comes from the ties of the need's requester (or the offer's provider) current
// today (analytics/support/trust.ts); `trustKnown` says whether the workspace records ties at all.

async function termKinds(db: Db, workspaceId: string, lists: Iterable<readonly string[]>) {
  const kinds = await knownTerms(db, workspaceId, [...lists].flat());
  return (ids: readonly string[]) => ({
    domainIds: ids.filter((t) => kinds.get(t)?.kind === 'domain'),
    targetGroupIds: ids.filter((t) => kinds.get(t)?.kind === 'target_group'),
  });
}

export async function toOffers(
  db: Db,
  workspaceId: string,
  rows: readonly SupportOffersTable[],
): Promise<SupportOffer[]> {
  const links = await offerLinks(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const split = await termKinds(
    db,
    workspaceId,
    [...links.values()].map((l) => l.termIds),
  );
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    type: r.type,
    capacityPerMonth: Number(r.capacity_per_month),
    start: r.start_date,
    end: r.end_date,
    areaIds: links.get(r.id)?.areaIds ?? [],
    ...split(links.get(r.id)?.termIds ?? []),
    personsEligible: Number(r.persons_eligible) === 1,
  }));
}

export const requesterKindOf = (a: Pick<ActorRef, 'kind'>): RequesterKind =>
  a.kind === 'person' ? 'person' : 'small';

export async function toNeeds(
  db: Db,
  workspaceId: string,
  rows: readonly SupportNeedsTable[],
  requesters: ReadonlyMap<string, Pick<ActorRef, 'kind'>>,
): Promise<SupportNeed[]> {
  const terms = await needTerms(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const split = await termKinds(db, workspaceId, terms.values());
  return rows.map((r) => ({
    id: r.id,
    requesterId: r.requester_id,
    requesterKind: requesterKindOf(requesters.get(r.requester_id) ?? { kind: 'person' }),
    type: r.type,
    amountPerMonth: Number(r.amount_per_month),
    start: r.start_date,
    end: r.end_date,
    urgency: r.urgency,
    areaId: r.area_id,
    ...split(terms.get(r.id) ?? []),
  }));
}

export const toLoads = (rows: readonly SupportCommitmentsTable[]): OfferCommitment[] =>
  rows.map((c) => ({
    offerId: c.offer_id,
    amountPerMonth: Number(c.amount_per_month),
    start: c.start_date,
    end: c.end_date,
  }));

async function matchContext(
  db: Db,
  workspaceId: string,
  trust: TrustSource,
): Promise<MatchContext> {
  return { areaParents: await areaParents(db, workspaceId), trust: trust.trust };
}

const explained = (s: MatchSuggestion) => ({ score: s.score, reasons: s.reasons, facts: s.facts });

/** Offers for a need, for whoever may edit the need; only offers the caller may see. */
export async function needMatches(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  needId: string,
  limit: number,
) {
  assertCan(actor, 'support.self', workspaceId);
  const db = ctx.db;
  const { row, requester } = await viewNeed(db, actor, workspaceId, needId);
  if (!mayEditNeed(actor, workspaceId, requester))
    throw forbidden('Only the need’s requester and coordinators see its suggestions.');
  const levels = visibleLevels(viewerOf(actor, workspaceId));
  const offerRows = await offersOfType(db, workspaceId, row.type, levels);
  const loads = toLoads(
    await activeCommitmentsOfOffers(
      db,
      workspaceId,
      offerRows.map((o) => o.id),
    ),
  );
  const trust = await trustAround(db, actor, workspaceId, requester.id, nowIso(ctx).slice(0, 10));
  const mctx = await matchContext(db, workspaceId, trust);
  const [need] = await toNeeds(db, workspaceId, [row], new Map([[requester.id, requester]]));
  const index = indexOffers(await toOffers(db, workspaceId, offerRows), loads, mctx);
  const ranked = matchNeed(need!, index, { limit });
  const byId = new Map(offerRows.map((o) => [o.id, o]));
  const dtos = await offerDtos(
    db,
    actor,
    workspaceId,
    ranked.map((s) => byId.get(s.offerId)!),
  );
  return {
    items: ranked.map((s, i) => ({ ...explained(s), offer: dtos[i]! })),
    trustKnown: trust.known,
  };
}

/** Open needs for an offer, for the offer's editors (coordinators see every need). */
export async function offerMatches(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  offerId: string,
  limit: number,
) {
  assertCan(actor, 'support.manage', workspaceId);
  const db = ctx.db;
  const offerRow = await viewOffer(db, actor, workspaceId, offerId);
  const open = await openNeedsOfType(db, workspaceId, offerRow.type);
  const requesters = await actorsByIds(
    db,
    workspaceId,
    open.map((n) => n.requester_id),
  );
  const needRows = open.filter((n) => seesNeed(actor, n, requesters.get(n.requester_id)));
  const loads = toLoads(await activeCommitmentsOfOffers(db, workspaceId, [offerId]));
  const trust = await trustAround(
    db,
    actor,
    workspaceId,
    offerRow.provider_id,
    nowIso(ctx).slice(0, 10),
  );
  const mctx = await matchContext(db, workspaceId, trust);
  const [offer] = await toOffers(db, workspaceId, [offerRow]);
  const index = indexNeeds(await toNeeds(db, workspaceId, needRows, requesters), mctx);
  const ranked = matchOffer(offer!, loads, index, { limit });
  const byId = new Map(needRows.map((n) => [n.id, n]));
  const dtos = await needDtos(
    db,
    actor,
    workspaceId,
    ranked.map((s) => byId.get(s.needId)!),
  );
  return {
    items: ranked.map((s, i) => ({ ...explained(s), need: dtos[i]! })),
    trustKnown: trust.known,
  };
}

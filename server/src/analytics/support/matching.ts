/**
 * Ranked, explained suggestions both ways: need → offers and offer → needs.
 *
 * Both sides are indexed by support type once ({@link indexOffers}, {@link indexNeeds}), so one
 * query only looks at candidates of its own type; an offer's commitments are grouped under the
 * offer at indexing time, so remaining capacity needs no scan of all commitments.
 *
 * Ranking: score descending, then id ascending (plain code-unit order, not locale order). Ids are
 * unique, so this is a total, deterministic order that does not depend on input order. Pairs that
 * fail a hard filter are never suggested; see `match-pair.ts` for the filters and the score.
 */
import {
  evaluatePrepared,
  prepareNeed,
  prepareOffer,
  type PreparedNeed,
  type PreparedOffer,
} from './match-pair.ts';
import type {
  MatchContext,
  MatchSuggestion,
  OfferCommitment,
  SupportNeed,
  SupportOffer,
  SupportType,
} from './matching-types.ts';

export interface OfferIndex {
  byType: ReadonlyMap<SupportType, readonly PreparedOffer[]>;
  ctx: MatchContext;
}

export interface NeedIndex {
  byType: ReadonlyMap<SupportType, readonly PreparedNeed[]>;
  ctx: MatchContext;
}

export interface MatchOptions {
  /** At most this many suggestions (default: all). */
  limit?: number;
}

function assertUnique(ids: Iterable<string>, what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`duplicate ${what} id ${id}`);
    seen.add(id);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Offers grouped by type, each with its own commitments (commitments of unknown offers are ignored). */
export function indexOffers(
  offers: readonly SupportOffer[],
  commitments: readonly OfferCommitment[],
  ctx: MatchContext,
): OfferIndex {
  assertUnique(
    offers.map((o) => o.id),
    'offer',
  );
  const perOffer = new Map<string, OfferCommitment[]>();
  for (const c of commitments) pushTo(perOffer, c.offerId, c);
  const byType = new Map<SupportType, PreparedOffer[]>();
  for (const offer of offers) {
    pushTo(byType, offer.type, prepareOffer(offer, perOffer.get(offer.id) ?? [], ctx));
  }
  return { byType, ctx };
}

/** Needs grouped by type. */
export function indexNeeds(needs: readonly SupportNeed[], ctx: MatchContext): NeedIndex {
  assertUnique(
    needs.map((n) => n.id),
    'need',
  );
  const byType = new Map<SupportType, PreparedNeed[]>();
  for (const need of needs) pushTo(byType, need.type, prepareNeed(need, ctx));
  return { byType, ctx };
}

/** Score descending, then `key` ascending in code-unit order. */
function rank(suggestions: MatchSuggestion[], key: 'offerId' | 'needId', limit?: number) {
  suggestions.sort((a, b) =>
    a.score !== b.score ? b.score - a.score : a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0,
  );
  return limit === undefined ? suggestions : suggestions.slice(0, Math.max(0, limit));
}

function suggestion(o: PreparedOffer, n: PreparedNeed, ctx: MatchContext) {
  const e = evaluatePrepared(o, n, ctx);
  if (!e.eligible) return undefined;
  return {
    offerId: o.offer.id,
    needId: n.need.id,
    score: e.score,
    reasons: e.reasons,
    facts: e.facts,
  };
}

/** Offers for one need, best first. */
export function matchNeed(
  need: SupportNeed,
  index: OfferIndex,
  options: MatchOptions = {},
): MatchSuggestion[] {
  const n = prepareNeed(need, index.ctx);
  const out: MatchSuggestion[] = [];
  for (const o of index.byType.get(need.type) ?? []) {
    const s = suggestion(o, n, index.ctx);
    if (s) out.push(s);
  }
  return rank(out, 'offerId', options.limit);
}

/** Needs for one offer, best first; `commitments` are the offer's existing commitments. */
export function matchOffer(
  offer: SupportOffer,
  commitments: readonly OfferCommitment[],
  index: NeedIndex,
  options: MatchOptions = {},
): MatchSuggestion[] {
  const own = commitments.filter((c) => c.offerId === offer.id);
  const o = prepareOffer(offer, own, index.ctx);
  const out: MatchSuggestion[] = [];
  for (const n of index.byType.get(offer.type) ?? []) {
    const s = suggestion(o, n, index.ctx);
    if (s) out.push(s);
  }
  return rank(out, 'needId', options.limit);
}

/**
 * The baseline the benchmark compares with: no index, every offer prepared per query and its
 * commitments found by scanning all commitments. Same result as {@link matchNeed}.
 */
export function naiveMatchNeed(
  need: SupportNeed,
  offers: readonly SupportOffer[],
  commitments: readonly OfferCommitment[],
  ctx: MatchContext,
  options: MatchOptions = {},
): MatchSuggestion[] {
  const n = prepareNeed(need, ctx);
  const out: MatchSuggestion[] = [];
  for (const offer of offers) {
    const own = commitments.filter((c) => c.offerId === offer.id);
    const s = suggestion(prepareOffer(offer, own, ctx), n, ctx);
    if (s) out.push(s);
  }
  return rank(out, 'offerId', options.limit);
}

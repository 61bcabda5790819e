/**
 * One offer × one need: hard filters, then soft scores. The ranking functions in `matching.ts`
 * prepare each side once (sets, day numbers, an offer's commitments) and call
 * {@link evaluatePrepared} per pair.
 *
 * Hard filters (any one excludes the pair, all failing ones are listed):
 * - `TYPE_MISMATCH`: offer and need are of a different support type;
 * - `SAME_PARTY`: the provider is the requester;
 * - `NO_PERIOD_OVERLAP`: the periods share no day;
 * - `AREA_NOT_ELIGIBLE`: the offer lists areas and the need's area is none of them, lies in none
 *   of them and contains none of them (containment follows `areaParents`);
 * - `DOMAIN_NOT_ELIGIBLE` / `TARGET_GROUP_NOT_ELIGIBLE`: the offer lists domains (target groups)
 *   and the need shares none of them;
 * - `PERSONS_NOT_ELIGIBLE`: the requester is a person and the offer is for organisations only;
 * - `NO_REMAINING_CAPACITY`: remaining capacity ≤ 0 (below).
 *
 * Remaining capacity = `capacityPerMonth − peak`, where peak is the highest sum of
 * `amountPerMonth` of the offer's commitments active on one same day of the overlap of the offer's
 * and the need's periods (a sweep over the commitments' start and end days).
 *
 * Soft score = Σ 100 × weight × value over the criteria of {@link SCORE_WEIGHTS}, each value in
 * [0, 1], so the score lies in [0, 100]:
 * - CAPACITY_COVERAGE = min(1, remaining / requested);
 * - PERIOD_COVERAGE = days of the need's period inside the offer's period / days of the need's
 *   period (an open-ended need is scored over its first 365 days);
 * - AREA_FIT = 1 same area, 0.75 need's area inside an eligible area, 0.5 offer for every area,
 *   0.4 an eligible area inside the need's (larger) area;
 * - DOMAIN_FIT (and TARGET_GROUP_FIT) = 0.5 when the offer is open to all, else
 *   0.5 + 0.5 × shared / number of the need's domains (target groups);
 * - URGENCY = 0 low, 0.5 normal, 1 high;
 * - TRUST = the pair's trust in [0, 1] (clamped; unknown 0), so the score rises with trust.
 */
import { assertCount, dayRange, overlapDays, type DayRange } from './dates.ts';
import {
  SCORE_WEIGHTS,
  type AreaRelation,
  type ExclusionCode,
  type MatchContext,
  type OfferCommitment,
  type PairEvaluation,
  type ScoreCode,
  type ScoreReason,
  type SupportNeed,
  type SupportOffer,
} from './matching-types.ts';

const OPEN_NEED_HORIZON_DAYS = 365;

export const AREA_FIT: Readonly<Record<AreaRelation, number>> = {
  same: 1,
  need_inside_offer: 0.75,
  anywhere: 0.5,
  offer_inside_need: 0.4,
};

export const URGENCY_VALUE = { low: 0, normal: 0.5, high: 1 } as const;

interface Load {
  range: DayRange;
  amount: number;
}

export interface PreparedOffer {
  offer: SupportOffer;
  range: DayRange;
  areas: ReadonlySet<string>;
  /** Strict ancestors of the offer's areas: a need there contains an eligible area. */
  areaAncestors: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
  loads: Load[];
}

export interface PreparedNeed {
  need: SupportNeed;
  range: DayRange;
  /** The need's period as scored: open ends cut at one year. */
  scoredRange: DayRange;
  /** The need's area and all its ancestors. */
  areaChain: readonly string[];
}

/** Ancestors of an area, nearest first (guards against cycles in the parent map). */
export function ancestorsOf(areaId: string, parents: ReadonlyMap<string, string | null>) {
  const chain: string[] = [];
  const seen = new Set([areaId]);
  let at = parents.get(areaId) ?? null;
  while (at !== null && !seen.has(at)) {
    chain.push(at);
    seen.add(at);
    at = parents.get(at) ?? null;
  }
  return chain;
}

export function prepareOffer(
  offer: SupportOffer,
  commitments: readonly OfferCommitment[],
  ctx: MatchContext,
): PreparedOffer {
  assertCount(offer.capacityPerMonth, `capacityPerMonth of offer ${offer.id}`);
  const areaAncestors = new Set<string>();
  for (const a of offer.areaIds)
    for (const up of ancestorsOf(a, ctx.areaParents)) areaAncestors.add(up);
  const loads = commitments.map((c) => {
    assertCount(c.amountPerMonth, `amountPerMonth of a commitment on offer ${offer.id}`);
    return { range: dayRange(c.start, c.end), amount: c.amountPerMonth };
  });
  return {
    offer,
    range: dayRange(offer.start, offer.end),
    areas: new Set(offer.areaIds),
    areaAncestors,
    domains: new Set(offer.domainIds),
    targetGroups: new Set(offer.targetGroupIds),
    loads,
  };
}

export function prepareNeed(need: SupportNeed, ctx: MatchContext): PreparedNeed {
  assertCount(need.amountPerMonth, `amountPerMonth of need ${need.id}`);
  if (need.amountPerMonth === 0) throw new RangeError(`need ${need.id} asks for nothing`);
  const range = dayRange(need.start, need.end);
  const scoredEnd = Math.min(range.end, range.start + OPEN_NEED_HORIZON_DAYS - 1);
  return {
    need,
    range,
    scoredRange: { start: range.start, end: scoredEnd },
    areaChain: [need.areaId, ...ancestorsOf(need.areaId, ctx.areaParents)],
  };
}

/** Highest total amount of the loads active on one day inside `window`. */
export function peakLoad(loads: readonly Load[], window: DayRange): number {
  const events: [day: number, delta: number][] = [];
  for (const { range, amount } of loads) {
    const from = Math.max(range.start, window.start);
    const to = Math.min(range.end, window.end);
    if (to < from || amount === 0) continue;
    events.push([from, amount], [to + 1, -amount]);
  }
  // Ends (negative deltas) before starts on the same day: `to + 1` is the first free day.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let load = 0;
  let peak = 0;
  for (const [, delta] of events) {
    load += delta;
    if (load > peak) peak = load;
  }
  return peak;
}

function areaRelation(o: PreparedOffer, n: PreparedNeed): AreaRelation | undefined {
  if (o.areas.size === 0) return 'anywhere';
  if (o.areas.has(n.need.areaId)) return 'same';
  for (let i = 1; i < n.areaChain.length; i++)
    if (o.areas.has(n.areaChain[i]!)) return 'need_inside_offer';
  if (o.areaAncestors.has(n.need.areaId)) return 'offer_inside_need';
  return undefined;
}

function shared(eligible: ReadonlySet<string>, asked: readonly string[]): number {
  let count = 0;
  for (const x of new Set(asked)) if (eligible.has(x)) count++;
  return count;
}

/** 0.5 when the offer is open to all, else 0.5 + 0.5 × shared / asked; undefined = excluded. */
function fit(eligible: ReadonlySet<string>, asked: readonly string[], sharedCount: number) {
  if (eligible.size === 0) return 0.5;
  if (sharedCount === 0) return undefined;
  return 0.5 + (0.5 * sharedCount) / new Set(asked).size;
}

function reason(code: ScoreCode, value: number): ScoreReason {
  const weight = SCORE_WEIGHTS[code];
  return { code, value, weight, points: 100 * weight * value };
}

export function evaluatePrepared(
  o: PreparedOffer,
  n: PreparedNeed,
  ctx: MatchContext,
): PairEvaluation {
  const { offer } = o;
  const { need } = n;
  const exclusions: ExclusionCode[] = [];
  if (offer.type !== need.type) exclusions.push('TYPE_MISMATCH');
  if (offer.providerId === need.requesterId) exclusions.push('SAME_PARTY');
  const window = {
    start: Math.max(o.range.start, n.range.start),
    end: Math.min(o.range.end, n.range.end),
  };
  if (window.end < window.start) exclusions.push('NO_PERIOD_OVERLAP');
  const relation = areaRelation(o, n);
  if (relation === undefined) exclusions.push('AREA_NOT_ELIGIBLE');
  const sharedDomains = shared(o.domains, need.domainIds);
  const domainFit = fit(o.domains, need.domainIds, sharedDomains);
  if (domainFit === undefined) exclusions.push('DOMAIN_NOT_ELIGIBLE');
  const sharedGroups = shared(o.targetGroups, need.targetGroupIds);
  const groupFit = fit(o.targetGroups, need.targetGroupIds, sharedGroups);
  if (groupFit === undefined) exclusions.push('TARGET_GROUP_NOT_ELIGIBLE');
  if (need.requesterKind === 'person' && !offer.personsEligible) {
    exclusions.push('PERSONS_NOT_ELIGIBLE');
  }
  const remaining =
    window.end < window.start ? 0 : offer.capacityPerMonth - peakLoad(o.loads, window);
  if (remaining <= 0) exclusions.push('NO_REMAINING_CAPACITY');
  if (exclusions.length > 0) return { eligible: false, exclusions };

  const needDays = n.scoredRange.end - n.scoredRange.start + 1;
  const covered = overlapDays(n.scoredRange, o.range);
  const rawTrust = ctx.trust?.(offer.providerId, need.requesterId) ?? 0;
  const trust = Number.isFinite(rawTrust) ? Math.min(1, Math.max(0, rawTrust)) : 0;
  const reasons = [
    reason('CAPACITY_COVERAGE', Math.min(1, remaining / need.amountPerMonth)),
    reason('PERIOD_COVERAGE', covered / needDays),
    reason('AREA_FIT', AREA_FIT[relation!]),
    reason('DOMAIN_FIT', domainFit!),
    reason('TARGET_GROUP_FIT', groupFit!),
    reason('URGENCY', URGENCY_VALUE[need.urgency]),
    reason('TRUST', trust),
  ];
  let total = 0;
  for (const r of reasons) total += r.points;
  return {
    eligible: true,
    score: Math.round(total * 100) / 100,
    reasons,
    facts: {
      requestedPerMonth: need.amountPerMonth,
      remainingPerMonth: remaining,
      overlapDays: covered,
      needDays,
      areaRelation: relation!,
      sharedDomains,
      sharedTargetGroups: sharedGroups,
      trust,
    },
  };
}

/** Explains one pair from raw inputs (the UI's "why (not)?"). */
export function evaluatePair(
  offer: SupportOffer,
  need: SupportNeed,
  commitments: readonly OfferCommitment[],
  ctx: MatchContext,
): PairEvaluation {
  const own = commitments.filter((c) => c.offerId === offer.id);
  return evaluatePrepared(prepareOffer(offer, own, ctx), prepareNeed(need, ctx), ctx);
}

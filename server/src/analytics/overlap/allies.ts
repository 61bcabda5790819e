import { cmp } from './accumulate.ts';
import { dayNumber } from './dates.ts';
import { saturate, sizeKindOf } from './score.ts';
import type { OverlapActivity, OverlapActor, OverlapTie, SizeKind, TieType } from './types.ts';

export interface TrustScore {
  source: string;
  target: string;
  /** 0..1 (e.g. a PARTNER trust score rescaled from 1–4). */
  value: number;
}

/** Support capacity an institution offers (steunaanbod), 0..1. */
export interface SupportCapacity {
  actorId: string;
  value: number;
}

export interface AllyInput {
  focalActorId: string;
  actors: readonly OverlapActor[];
  activities: readonly OverlapActivity[];
  ties?: readonly OverlapTie[];
  trust?: readonly TrustScore[];
  capacity?: readonly SupportCapacity[];
}

export interface AllyOptions {
  /** At most this many suggestions. Default 10. */
  limit?: number;
}

export type AllyReasonCode =
  'shared-areas' | 'complementary-domains' | 'trust' | 'support-capacity' | 'size-mix';

export interface AllyReason {
  code: AllyReasonCode;
  value: number;
  component: number;
  weight: number;
}

export interface AllySuggestion {
  actorId: string;
  score: number;
  sharedAreaIds: string[];
  /** Domains the candidate works in, in the shared areas, that the focal actor does not. */
  complementaryDomainIds: string[];
  reasons: AllyReason[];
}

export interface AllyExclusion {
  actorId: string;
  reason: 'competes-under-tension';
  /** Area × domain cells where both are active at the same time. */
  sharedCells: number;
  tieTypes: TieType[];
}

export interface AllyResult {
  suggestions: AllySuggestion[];
  excluded: AllyExclusion[];
}

/**
 * Ally suggestions for one actor (meant for a carrier or a small organisation). A candidate is
 * any other actor active in at least one of the focal actor's areas. Its score, 0..1:
 *
 * | component     | formula                                                       | weight |
 * | ------------- | ------------------------------------------------------------- | -----: |
 * | areas         | `a / (a + 1)`, a = shared areas                                | 0.25 |
 * | complement    | `c / (c + 1) · c / k`, c = candidate's domains in the shared areas the focal actor lacks, k = all its domains there | 0.30 |
 * | trust         | the trust score (max of both directions) if given; else 0.5 with a cooperative tie (samenwerking, steun, doorverwijzing, informatie-uitwisseling); else 0 | 0.20 |
 * | capacity      | the candidate's support capacity, 0..1 (0 when not given)     | 0.15 |
 * | size mix      | 1 for a small/person–large pair, 0.5 for same-size, 0.25 unknown | 0.10 |
 *
 * Excluded (and listed in `excluded`): candidates with a spanning or tegenwerking tie to the
 * focal actor that also share an area × domain cell with it in overlapping periods — they
 * compete under tension; that is an overlap signal, not an ally. Candidates with no complement,
 * trust or capacity are not suggested (only sharing an area is no reason to ally).
 * Ranking: score descending, then actor id.
 */
export const ALLY_WEIGHTS = {
  areas: 0.25,
  complement: 0.3,
  trust: 0.2,
  capacity: 0.15,
  sizeMix: 0.1,
} as const;

const COOPERATIVE: ReadonlySet<TieType> = new Set<TieType>([
  'samenwerking',
  'steun',
  'doorverwijzing',
  'informatie-uitwisseling',
]);
const TENSION: ReadonlySet<TieType> = new Set<TieType>(['spanning', 'tegenwerking']);

export function sizeMix(focal: SizeKind, other: SizeKind): number {
  if (focal === 'unknown' || other === 'unknown') return 0.25;
  const focalLarge = focal === 'large';
  const otherLarge = other === 'large';
  return focalLarge !== otherLarge ? 1 : 0.5;
}

export function suggestAllies(input: AllyInput, options: AllyOptions = {}): AllyResult {
  const focal = input.focalActorId;
  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const mine = input.activities.filter((a) => a.actorId === focal);
  const focalAreas = new Set(mine.flatMap((a) => a.areaIds));
  const focalDomains = new Set(mine.flatMap((a) => a.domainIds));
  const myCells = mine.map((a) => ({
    areas: new Set(a.areaIds),
    domains: new Set(a.domainIds),
    start: dayNumber(a.start),
    end: a.end === null ? Number.POSITIVE_INFINITY : dayNumber(a.end),
  }));

  interface Candidate {
    areas: Set<string>;
    domains: Set<string>;
    cells: Set<string>;
  }
  const candidates = new Map<string, Candidate>();
  for (const act of input.activities) {
    if (act.actorId === focal) continue;
    const shared = act.areaIds.filter((x) => focalAreas.has(x));
    if (shared.length === 0) continue;
    let c = candidates.get(act.actorId);
    if (c === undefined) {
      c = { areas: new Set(), domains: new Set(), cells: new Set() };
      candidates.set(act.actorId, c);
    }
    for (const x of shared) c.areas.add(x);
    for (const d of act.domainIds) c.domains.add(d);
    const s = dayNumber(act.start);
    const e = act.end === null ? Number.POSITIVE_INFINITY : dayNumber(act.end);
    for (const m of myCells) {
      if (Math.min(e, m.end) < Math.max(s, m.start)) continue;
      for (const x of shared) {
        if (!m.areas.has(x)) continue;
        for (const d of act.domainIds) if (m.domains.has(d)) c.cells.add(`${x}|${d}`);
      }
    }
  }

  const tiesWith = new Map<string, Set<TieType>>();
  for (const t of input.ties ?? []) {
    const other = t.source === focal ? t.target : t.target === focal ? t.source : null;
    if (other === null || other === focal) continue;
    let set = tiesWith.get(other);
    if (set === undefined) tiesWith.set(other, (set = new Set()));
    set.add(t.type);
  }
  const trustWith = new Map<string, number>();
  for (const t of input.trust ?? []) {
    const other = t.source === focal ? t.target : t.target === focal ? t.source : null;
    if (other === null) continue;
    trustWith.set(other, Math.max(trustWith.get(other) ?? 0, clamp01(t.value)));
  }
  const capacityOf = new Map<string, number>();
  for (const c of input.capacity ?? []) {
    capacityOf.set(c.actorId, Math.max(capacityOf.get(c.actorId) ?? 0, clamp01(c.value)));
  }

  const focalKind = sizeKindOf(actorsById.get(focal));
  const w = ALLY_WEIGHTS;
  const suggestions: AllySuggestion[] = [];
  const excluded: AllyExclusion[] = [];
  for (const [actorId, c] of candidates) {
    const ties = tiesWith.get(actorId) ?? new Set<TieType>();
    const tension = [...ties].filter((t) => TENSION.has(t)).sort();
    if (tension.length > 0 && c.cells.size > 0) {
      excluded.push({
        actorId,
        reason: 'competes-under-tension',
        sharedCells: c.cells.size,
        tieTypes: tension,
      });
      continue;
    }
    const complementary = [...c.domains].filter((d) => !focalDomains.has(d)).sort();
    const k = c.domains.size;
    const complement = k === 0 ? 0 : saturate(complementary.length) * (complementary.length / k);
    const trust = trustWith.get(actorId) ?? ([...ties].some((t) => COOPERATIVE.has(t)) ? 0.5 : 0);
    const capacity = capacityOf.get(actorId) ?? 0;
    if (complement === 0 && trust === 0 && capacity === 0) continue;
    const areas = saturate(c.areas.size);
    const mix = sizeMix(focalKind, sizeKindOf(actorsById.get(actorId)));
    const reasons: AllyReason[] = [
      { code: 'shared-areas', value: c.areas.size, component: areas, weight: w.areas },
      {
        code: 'complementary-domains',
        value: complementary.length,
        component: complement,
        weight: w.complement,
      },
      { code: 'trust', value: trust, component: trust, weight: w.trust },
      { code: 'support-capacity', value: capacity, component: capacity, weight: w.capacity },
      { code: 'size-mix', value: mix, component: mix, weight: w.sizeMix },
    ];
    const score = clamp01(reasons.reduce((s, r) => s + r.component * r.weight, 0));
    suggestions.push({
      actorId,
      score,
      sharedAreaIds: [...c.areas].sort(),
      complementaryDomainIds: complementary,
      reasons,
    });
  }
  suggestions.sort((x, y) => y.score - x.score || cmp(x.actorId, y.actorId));
  excluded.sort((x, y) => cmp(x.actorId, y.actorId));
  return { suggestions: suggestions.slice(0, options.limit ?? 10), excluded };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? (x < 0 ? 0 : x > 1 ? 1 : x) : 0;
}

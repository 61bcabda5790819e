import { cmp } from './accumulate.ts';
import { dayString } from './dates.ts';
import { fingerprintOfParts } from './fast-fingerprint.ts';
import type { Packed } from './packed.ts';
import {
  baseScore,
  combineScore,
  fundersRaise,
  HOURS_HALF,
  saturate,
  SCORE_WEIGHTS,
  sizeDisparity,
  UNKNOWN_HOURS_COMPONENT,
} from './score.ts';
import type { Pairs } from './sweep.ts';
import { countShared, popcount, TIE_INFO, tieOf } from './pair-facts.ts';
import type {
  OverlapCell,
  OverlapReason,
  OverlapSignal,
  PairFacts,
  ScoreComponents,
  SizeKind,
} from './types.ts';

// Imported functions bound once: under a CommonJS transform (tsx, vitest) every use of an
// imported binding is a getter call, which showed up in the profile of this hot code.
const baseScore_ = baseScore;
const combineScore_ = combineScore;
const fundersRaise_ = fundersRaise;
const saturate_ = saturate;
const sizeDisparity_ = sizeDisparity;
const cmp_ = cmp;
const dayString_ = dayString;

const KINDS: SizeKind[] = ['person', 'small', 'large', 'unknown'];

/**
 * Score every pair from numbers only and build the signal objects (cells, facts, components,
 * reasons, fingerprint) for those at or above `threshold`, strongest first. Gives exactly what
 * {@link PairAccumulator.signals} gives for the same pairs: the same score functions in the same
 * order, and the same objects with the same keys in the same order.
 */
export function buildSignals(p: Packed, pairs: Pairs, threshold: number): OverlapSignal[] {
  const { table, maxDays, contested, cellHead, cellNext, cellArea, cellDomain, cellMask } = pairs;
  const nPairs = table.size;
  const kindCode = Int8Array.from(p.kinds, (k) => KINDS.indexOf(k));
  const disparity = new Float64Array(16);
  for (let x = 0; x < 4; x++) {
    for (let y = 0; y < 4; y++) disparity[x * 4 + y] = sizeDisparity_(KINDS[x]!, KINDS[y]!);
  }
  const areaStamp = new Int32Array(p.areaIds.length).fill(-1);
  const domainStamp = new Int32Array(p.domainIds.length).fill(-1);
  const groupStamp =
    pairs.cellGroups === null ? null : new Int32Array(p.targetGroupIds.length).fill(-1);
  const keep: number[] = [];
  const keepScore: number[] = [];
  const facts = new Int32Array(nPairs * 5);
  const bases = new Float64Array(nPairs);
  const disparities = new Float64Array(nPairs);
  for (let id = 0; id < nPairs; id++) {
    const a = table.a[id]!;
    const b = table.b[id]!;
    let nAreas = 0;
    let nDomains = 0;
    let nGroups = 0;
    let mask = 0;
    for (let c = cellHead[id]!; c >= 0; c = cellNext[c]!) {
      const area = cellArea[c]!;
      if (areaStamp[area] !== id) {
        areaStamp[area] = id;
        nAreas++;
      }
      const domain = cellDomain[c]!;
      if (domainStamp[domain] !== id) {
        domainStamp[domain] = id;
        nDomains++;
      }
      if (groupStamp === null) mask |= cellMask[c]!;
      else {
        for (const g of pairs.cellGroups![c]!) {
          if (groupStamp[g] !== id) {
            groupStamp[g] = id;
            nGroups++;
          }
        }
      }
    }
    if (groupStamp === null) nGroups = popcount(mask);
    const tieMask = tieOf(p, a, b);
    const sharedFunders = countShared(p, a, b);
    const h = contested[id]!;
    const sizeDisparity = disparity[kindCode[a]! * 4 + kindCode[b]!]!;
    const base = baseScore_(
      nAreas,
      nDomains,
      nGroups,
      maxDays[id]!,
      h < 0 ? null : h,
      sizeDisparity,
    );
    const info = TIE_INFO[tieMask]!;
    const quick = combineScore_(
      base,
      info.quickTension,
      fundersRaise_(sharedFunders),
      info.quickCollaboration,
    );
    if (quick < threshold) continue;
    const f = id * 5;
    facts[f] = nAreas;
    facts[f + 1] = nDomains;
    facts[f + 2] = nGroups;
    facts[f + 3] = sharedFunders;
    facts[f + 4] = tieMask;
    bases[id] = base;
    disparities[id] = sizeDisparity;
    keep.push(id);
    keepScore.push(
      combineScore_(base, info.tension, fundersRaise_(sharedFunders), info.collaboration),
    );
  }
  const rank = strongestFirst(keep, keepScore, table.a, table.b, p.actorIds.length);
  const build = new SignalBuilder(p, pairs);
  const out: OverlapSignal[] = [];
  for (const k of rank) {
    const id = keep[k]!;
    const f = id * 5;
    out.push(build.signal(id, keepScore[k]!, bases[id]!, disparities[id]!, facts, f));
  }
  return out;
}

/**
 * Positions into `keep` ordered by score (descending), then by actor indices a, b (which follow
 * the sorted actor ids): the order {@link PairAccumulator.signals} promises. Two native typed-array
 * sorts and a stable counting pass instead of a comparator sort over objects.
 */
function strongestFirst(
  keep: number[],
  score: number[],
  pairA: Int32Array,
  pairB: Int32Array,
  nActors: number,
): Int32Array {
  const n = keep.length;
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[k] = k;
  if (score.some((x) => x !== x)) {
    // NaN (infinite hours) has no order; keep the comparator's answer for it.
    return rank.sort(
      (x, y) =>
        score[y]! - score[x]! ||
        pairA[keep[x]!]! - pairA[keep[y]!]! ||
        pairB[keep[x]!]! - pairB[keep[y]!]!,
    );
  }
  // 1. By pair: key (a · nActors + b) · n + k, exact while below 2⁵³ (else the comparator).
  if (nActors * nActors * n >= 2 ** 53) {
    return rank.sort(
      (x, y) =>
        score[y]! - score[x]! ||
        pairA[keep[x]!]! - pairA[keep[y]!]! ||
        pairB[keep[x]!]! - pairB[keep[y]!]!,
    );
  }
  const byPair = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const id = keep[k]!;
    byPair[k] = (pairA[id]! * nActors + pairB[id]!) * n + k;
  }
  byPair.sort();
  // 2. Distinct scores, strongest first.
  const neg = new Float64Array(n);
  for (let k = 0; k < n; k++) neg[k] = -score[k]!;
  neg.sort();
  const bucket = new Map<number, number>();
  const start: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = -neg[k]!;
    if (!bucket.has(v)) {
      bucket.set(v, start.length);
      start.push(k);
    }
  }
  // 3. Stable placement by score bucket, in pair order.
  for (let t = 0; t < n; t++) {
    const k = byPair[t]! % n;
    rank[start[bucket.get(score[k]!)!]!++] = k;
  }
  return rank;
}

class SignalBuilder {
  private readonly days = new Map<number, string>();
  private readonly maskGroups = new Map<number, string[]>();
  private readonly cells: OverlapCell[] = [];

  constructor(
    private readonly p: Packed,
    private readonly pairs: Pairs,
  ) {}

  /**
   * The signal of pair `id`, from what the scoring pass computed: its score, base and size
   * disparity (the same function results scorePair would compute) and `counts[at..at + 5]` =
   * shared areas, domains, target groups, funders and the tie-type bitmask.
   */
  signal(
    id: number,
    score: number,
    base: number,
    disparity: number,
    counts: Int32Array,
    at: number,
  ): OverlapSignal {
    const { p, pairs } = this;
    const sharedAreas = counts[at]!;
    const sharedDomains = counts[at + 1]!;
    const sharedTargetGroups = counts[at + 2]!;
    const sharedFunders = counts[at + 3]!;
    const tieMask = counts[at + 4]!;
    const a = pairs.table.a[id]!;
    const b = pairs.table.b[id]!;
    const h = pairs.contested[id]!;
    const contestedHours = h < 0 ? null : h;
    const overlapDays = pairs.maxDays[id]!;
    const kindA = p.kinds[a]!;
    const kindB = p.kinds[b]!;
    const info = TIE_INFO[tieMask]!;
    const actorIds: [string, string] = [p.actorIds[a]!, p.actorIds[b]!];
    const cells = this.cellsOf(id);
    const facts: PairFacts = {
      sharedAreas,
      sharedDomains,
      sharedTargetGroups,
      overlapDays,
      contestedHours,
      kindA,
      kindB,
      tieTypes: info.types.slice(),
      sharedFunders,
    };
    const w = SCORE_WEIGHTS;
    const areas = saturate_(sharedAreas);
    const domains = saturate_(sharedDomains);
    const targetGroups = saturate_(sharedTargetGroups);
    const period = Math.min(1, Math.max(0, overlapDays) / 365);
    const hours =
      contestedHours === null ? UNKNOWN_HOURS_COMPONENT : saturate_(contestedHours, HOURS_HALF);
    const { tension, collaboration } = info;
    const funders = fundersRaise_(sharedFunders);
    const components: ScoreComponents = {
      areas,
      domains,
      targetGroups,
      period,
      hours,
      sizeDisparity: disparity,
      base,
      tension,
      funders,
      collaboration,
    };
    const reasons: OverlapReason[] = [
      weighted('shared-areas', sharedAreas, areas, w.areas),
      weighted('shared-domains', sharedDomains, domains, w.domains),
      weighted('shared-target-groups', sharedTargetGroups, targetGroups, w.targetGroups),
      weighted('period-overlap', overlapDays, period, w.period),
      // JSON has no NaN: unknown hours are reported as -1 with the neutral component.
      weighted('contested-hours', contestedHours ?? -1, hours, w.hours),
      weighted('size-disparity', disparity, disparity, w.sizeDisparity),
    ];
    if (tension > 0) {
      reasons.push({
        code: 'tension-tie',
        value: info.tensionTypes.length,
        component: tension,
        effect: { kind: 'raise', amount: tension },
        tieTypes: info.tensionTypes.slice(),
      });
    }
    if (sharedFunders > 0) {
      reasons.push({
        code: 'shared-funders',
        value: sharedFunders,
        component: funders,
        effect: { kind: 'raise', amount: funders },
      });
    }
    if (collaboration < 1) {
      reasons.push({
        code: 'collaboration-tie',
        value: info.collabTypes.length,
        component: collaboration,
        effect: { kind: 'factor', amount: collaboration },
        tieTypes: info.collabTypes.slice(),
      });
    }
    const fingerprint = fingerprintOfParts(
      actorIds,
      kindA,
      kindB,
      cells,
      info.fingerprintText,
      sharedFunders,
    );
    return { actorIds, cells, facts, score, components, reasons, fingerprint };
  }

  /** The pair's cells, sorted by area id then domain id. */
  private cellsOf(id: number): OverlapCell[] {
    const { p, pairs } = this;
    const cells: OverlapCell[] = [];
    for (let c = pairs.cellHead[id]!; c >= 0; c = pairs.cellNext[c]!) {
      cells.push({
        areaId: p.areaIds[pairs.cellArea[c]!]!,
        domainId: p.domainIds[pairs.cellDomain[c]!]!,
        targetGroupIds: this.groupsOf(c),
        from: this.day(pairs.cellFrom[c]!),
        to: this.day(pairs.cellTo[c]!),
        overlapDays: pairs.cellDays[c]!,
      });
    }
    if (cells.length > 1)
      cells.sort((x, y) => cmp_(x.areaId, y.areaId) || cmp_(x.domainId, y.domainId));
    return cells;
  }

  private groupsOf(c: number): string[] {
    const { p, pairs } = this;
    if (pairs.cellGroups !== null) {
      return pairs.cellGroups[c]!.map((g) => p.targetGroupIds[g]!).sort();
    }
    const mask = pairs.cellMask[c]!;
    let ids = this.maskGroups.get(mask);
    if (ids === undefined) {
      ids = [];
      for (let g = 0; g < 32; g++) if ((mask & (1 << g)) !== 0) ids.push(p.targetGroupIds[g]!);
      ids.sort();
      this.maskGroups.set(mask, ids);
    }
    return ids.slice();
  }

  private day(d: number): string {
    let s = this.days.get(d);
    if (s === undefined) this.days.set(d, (s = dayString_(d)));
    return s;
  }
}

function weighted(
  code: OverlapReason['code'],
  value: number,
  component: number,
  weight: number,
): OverlapReason {
  return { code, value, component, effect: { kind: 'weight', amount: weight } };
}

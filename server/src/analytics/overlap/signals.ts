import { SignalBuilder } from './explain.ts';
import type { Packed } from './packed.ts';
import { baseScore, combineScore, fundersRaise, sizeDisparity } from './score.ts';
import type { Pairs } from './sweep.ts';
import { countShared, popcount, TIE_INFO, tieOf } from './pair-facts.ts';
import type { DetectedSignal, OverlapDetection, OverlapSignal, SizeKind } from './types.ts';

// Imported functions bound once: under a CommonJS transform (tsx, vitest) every use of an
// imported binding is a getter call, which showed up in the profile of this hot code.
const baseScore_ = baseScore;
const combineScore_ = combineScore;
const fundersRaise_ = fundersRaise;
const sizeDisparity_ = sizeDisparity;

const KINDS: SizeKind[] = ['person', 'small', 'large', 'unknown'];

/**
 * Score every pair from numbers only and keep those at or above `threshold`, strongest first,
 * each as its pair, score and fingerprint; the explanation (cells, facts, components, reasons)
 * is built when asked for (explain.ts). Gives exactly what {@link PairAccumulator.signals} gives
 * for the same pairs: the same score functions in the same order, and on demand the same objects
 * with the same keys in the same order.
 */
export function buildDetection(p: Packed, pairs: Pairs, threshold: number): OverlapDetection {
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
  return new Detection(p, pairs, keep, keepScore, rank, facts, bases, disparities);
}

/**
 * The lean result: per signal the pair, score and fingerprint (hashed from the arrays); the
 * rest stays in the sweep's and the scoring pass's typed arrays until someone asks for it.
 */
class Detection implements OverlapDetection {
  readonly signals: DetectedSignal[];
  /** Pair id of signals[k]. */
  private readonly ids: Int32Array;
  private readonly builder: SignalBuilder;

  constructor(
    p: Packed,
    pairs: Pairs,
    keep: number[],
    keepScore: number[],
    rank: Int32Array,
    private readonly counts: Int32Array,
    private readonly bases: Float64Array,
    private readonly disparities: Float64Array,
  ) {
    const n = rank.length;
    const build = (this.builder = new SignalBuilder(p, pairs));
    const ids = (this.ids = new Int32Array(n));
    const signals: DetectedSignal[] = [];
    const { a: pairA, b: pairB } = pairs.table;
    for (let k = 0; k < n; k++) {
      const r = rank[k]!;
      const id = keep[r]!;
      ids[k] = id;
      const f = id * 5;
      signals.push({
        actorIds: [p.actorIds[pairA[id]!]!, p.actorIds[pairB[id]!]!],
        score: keepScore[r]!,
        fingerprint: build.fingerprint(
          id,
          TIE_INFO[counts[f + 4]!]!.fingerprintText,
          counts[f + 3]!,
        ),
      });
    }
    this.signals = signals;
  }

  explain(k: number): OverlapSignal {
    const id = this.ids[k]!;
    const s = this.signals[k]!;
    return this.builder.signal(
      id,
      s.score,
      this.bases[id]!,
      this.disparities[id]!,
      this.counts,
      id * 5,
    );
  }

  explanationText(k: number): string {
    const id = this.ids[k]!;
    return this.builder.compactText(id, this.counts, id * 5);
  }
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

import { PairAccumulator } from './accumulate.ts';
import { prepare, type Prepared } from './prepare.ts';
import type { OverlapInput, OverlapOptions, OverlapSignal } from './types.ts';

/**
 * Default threshold. With one shared area, domain and year and unknown hours, a small party or
 * carrier against a large one scores 0.65, two large ones 0.44 and two small ones 0.47: 0.5 keeps
 * the small-vs-large situations the issue is about and drops same-size pairs unless they share
 * much more (or have tension or shared funders).
 */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Overlap signals: every pair of actors with activities in the same area × domain cell whose
 * periods overlap, scored by {@link scorePair} and kept when the score ≥ `threshold`.
 *
 * Algorithm (no all-pairs comparison):
 * 1. Index: each activity is put in the bucket of every area × domain it names (interned to
 *    integers, bucket key `area · |domains| + domain`).
 * 2. Sweep: per bucket, sort the activities by start day and walk them in that order keeping the
 *    set of activities still running; a new activity overlaps exactly the running ones, from its
 *    own start to the earlier end.
 * 3. Aggregate per actor pair (key `min · n + max`), then score once per pair.
 *
 * Cost: O(A log A + Σ bucket sizes + P), with P the number of overlapping activity pairs in the
 * same cell — the size of the answer's evidence, which any exact method must look at.
 */
export function detectOverlaps(input: OverlapInput, options: OverlapOptions = {}): OverlapSignal[] {
  const p = prepare(input, options);
  const acc = new PairAccumulator(p);
  sweepCells(p, acc);
  return acc.signals(options.threshold ?? DEFAULT_THRESHOLD);
}

function sweepCells(p: Prepared, acc: PairAccumulator): void {
  const nDomains = p.domainIds.length;
  const buckets = new Map<number, number[]>();
  const n = p.actor.length;
  for (let i = 0; i < n; i++) {
    const areas = p.areas[i]!;
    const domains = p.domains[i]!;
    for (let x = 0; x < areas.length; x++) {
      const base = areas[x]! * nDomains;
      for (let y = 0; y < domains.length; y++) {
        const key = base + domains[y]!;
        const bucket = buckets.get(key);
        if (bucket === undefined) buckets.set(key, [i]);
        else bucket.push(i);
      }
    }
  }
  const { start, end, actor } = p;
  const byStart = (x: number, y: number) => start[x]! - start[y]! || x - y;
  const running: number[] = [];
  for (const [key, bucket] of buckets) {
    if (bucket.length < 2) continue;
    const area = Math.floor(key / nDomains);
    const domain = key - area * nDomains;
    bucket.sort(byStart);
    running.length = 0;
    for (const i of bucket) {
      const s = start[i]!;
      let w = 0;
      for (let k = 0; k < running.length; k++) {
        const j = running[k]!;
        if (end[j]! >= s) running[w++] = j;
      }
      running.length = w;
      const ei = end[i]!;
      const ai = actor[i]!;
      for (let k = 0; k < w; k++) {
        const j = running[k]!;
        if (actor[j] === ai) continue;
        const ej = end[j]!;
        acc.add(j, i, area, domain, s, ej < ei ? ej : ei);
      }
      running.push(i);
    }
  }
}

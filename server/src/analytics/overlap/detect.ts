import { pack } from './packed.ts';
import { buildDetection } from './signals.ts';
import { sweep } from './sweep.ts';
import type { OverlapDetection, OverlapInput, OverlapOptions, OverlapSignal } from './types.ts';

/**
 * Default threshold. With one shared area, domain and year and unknown hours, a small party or
 * carrier against a large one scores 0.65, two large ones 0.44 and two small ones 0.47. Any
 * small-vs-large pair that overlaps at all scores ≥ 0.5 (0.3 disparity + 0.2 for one area, one
 * domain and unknown hours), even for one day without a shared target group; 0.6 asks for more
 * ground in common: a shared target group and about two months (61 days) together, or eight
 * months without one, or more shared areas, domains, hours, tension or funders. Same-size pairs
 * need much more (or tension). Measured on the benchmark's municipality (docs/overlap.md): 0.6
 * keeps 16,650 of 60,496 overlapping pairs (0.5: 35,908), 88% of them small or carrier vs large
 * (0.5: 54%), and every pair with a tension tie.
 */
export const DEFAULT_THRESHOLD = 0.6;

/**
 * Overlap signals: every pair of actors with activities in the same area × domain cell whose
 * periods overlap, scored by {@link scorePair} and kept when the score ≥ `threshold`.
 *
 * Algorithm (no all-pairs comparison), on typed arrays only until the output is built:
 * 1. Pack (packed.ts): validate and intern the input into flat arrays (CSR lists of areas, domains
 *    and target groups per activity; day numbers; target groups as bitmasks when ≤ 32).
 * 2. Index and sweep (sweep.ts): each activity goes into the bucket of every area × domain it
 *    names (a counting sort, reading activities in index order); each bucket is sorted by start
 *    day and walked keeping the activities still running; a new activity overlaps exactly the
 *    running ones, from its own start to the earlier end. Overlaps fold into their actor pair
 *    (an open-addressing table over (min, max) actor indices, cells as linked lists in arrays).
 * 3. Score (signals.ts) every pair from numbers only; keep the pairs at or above the threshold,
 *    strongest first, as pair, score and fingerprint (hashed from the arrays). The explanation
 *    (cells, facts, components, reasons; explain.ts) is built on demand, for the signals that are
 *    stored (as compact text, compact.ts) or shown: building it for every signal was ≈ 80% of
 *    the time (bench/RESULTS.md).
 *
 * Cost: O(A + Σ bucket sizes · log + P), with P the number of overlapping activity pairs in the
 * same cell — the size of the answer's evidence, which any exact method must look at. Results,
 * explained, equal {@link detectOverlapsNaive}'s exactly (tests: detect.test.ts and
 * fast-path.test.ts, which also checks the compact explanation text against the old stored JSON).
 */
export function detectOverlaps(
  input: OverlapInput,
  options: OverlapOptions = {},
): OverlapDetection {
  const p = pack(input, options);
  return buildDetection(p, sweep(p), options.threshold ?? DEFAULT_THRESHOLD);
}

/** Every signal of {@link detectOverlaps} explained in full (tests, small inputs). */
export function detectOverlapsExplained(
  input: OverlapInput,
  options: OverlapOptions = {},
): OverlapSignal[] {
  const d = detectOverlaps(input, options);
  return d.signals.map((_s, k) => d.explain(k));
}

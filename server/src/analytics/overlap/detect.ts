import { pack } from './packed.ts';
import { buildSignals } from './signals.ts';
import { sweep } from './sweep.ts';
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
 * Algorithm (no all-pairs comparison), on typed arrays only until the output is built:
 * 1. Pack (packed.ts): validate and intern the input into flat arrays (CSR lists of areas, domains
 *    and target groups per activity; day numbers; target groups as bitmasks when ≤ 32).
 * 2. Index and sweep (sweep.ts): each activity goes into the bucket of every area × domain it
 *    names (a counting sort, reading activities in index order); each bucket is sorted by start
 *    day and walked keeping the activities still running; a new activity overlaps exactly the
 *    running ones, from its own start to the earlier end. Overlaps fold into their actor pair
 *    (an open-addressing table over (min, max) actor indices, cells as linked lists in arrays).
 * 3. Score (signals.ts) every pair from numbers only; build the signal objects (cells, facts,
 *    reasons, fingerprint) only for pairs at or above the threshold, strongest first.
 *
 * Cost: O(A + Σ bucket sizes · log + P), with P the number of overlapping activity pairs in the
 * same cell — the size of the answer's evidence, which any exact method must look at. Results
 * equal {@link detectOverlapsNaive}'s exactly (tests: detect.test.ts, fast-path.test.ts).
 */
export function detectOverlaps(input: OverlapInput, options: OverlapOptions = {}): OverlapSignal[] {
  const p = pack(input, options);
  return buildSignals(p, sweep(p), options.threshold ?? DEFAULT_THRESHOLD);
}

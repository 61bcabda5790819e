import { PairAccumulator } from './accumulate.ts';
import { DEFAULT_THRESHOLD } from './detect.ts';
import { prepare } from './prepare.ts';
import type { OverlapInput, OverlapOptions, OverlapSignal } from './types.ts';

/**
 * The all-pairs baseline: compare every activity with every other (O(A²)), intersect their areas
 * and domains and periods. It keeps the straightforward implementation (prepare.ts interning into
 * arrays, the object-based PairAccumulator of accumulate.ts, scorePair and fingerprintOf), while
 * {@link detectOverlaps} runs on typed arrays (packed.ts, sweep.ts, signals.ts): the two are
 * independent and must return identical signals. Used by the tests as an oracle and by
 * bench/overlap.ts as the baseline. Not for production use.
 */
export function detectOverlapsNaive(
  input: OverlapInput,
  options: OverlapOptions = {},
): OverlapSignal[] {
  const p = prepare(input, options);
  const acc = new PairAccumulator(p);
  const n = p.actor.length;
  const { start, end, actor } = p;
  for (let i = 0; i < n; i++) {
    const si = start[i]!;
    const ei = end[i]!;
    const ai = actor[i]!;
    for (let j = i + 1; j < n; j++) {
      if (actor[j] === ai) continue;
      const from = Math.max(si, start[j]!);
      const to = Math.min(ei, end[j]!);
      if (to < from) continue;
      for (const area of p.areas[i]!) {
        if (!p.areas[j]!.includes(area)) continue;
        for (const domain of p.domains[i]!) {
          if (p.domains[j]!.includes(domain)) acc.add(i, j, area, domain, from, to);
        }
      }
    }
  }
  return acc.signals(options.threshold ?? DEFAULT_THRESHOLD);
}

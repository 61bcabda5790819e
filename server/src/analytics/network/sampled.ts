import { rescaleBetweenness } from './betweenness.ts';
import type { IndexedGraph } from './graph.ts';
import { mulberry32, shuffleInPlace } from './random.ts';
import { defaultWorkers, pathSums } from './worker-pool.ts';

/**
 * Pivot-sampled betweenness (Brandes & Pich 2007): the Brandes dependency pass from k pivots
 * drawn uniformly without replacement, scaled by n/k — what networkx's
 * `betweenness_centrality(G, k, seed=…)` estimates, normalised the same way (see
 * betweenness.ts).
 *
 * Error bound. For a node v write the normalised value as b(v) = (1/n) Σ_s X_s with
 * X_s = n·δ_s(v) / ((n−1)(n−2)). A dependency δ_s(v) is a sum of at most n−2 fractions, so
 * 0 ≤ X_s ≤ R = n/(n−1), and the estimate b̂(v) is the mean of X over the k pivots. Hoeffding's
 * inequality (which holds as well for sampling without replacement, Hoeffding 1963 §6) gives
 * P(|b̂(v) − b(v)| ≥ ε) ≤ 2·exp(−2kε²/R²); a union bound over the n nodes gives: with
 *
 *     k ≥ R² · ln(2n/δ) / (2ε²)
 *
 * pivots, every node's normalised betweenness is within ε of the exact value with probability at
 * least 1 − δ. (R² = (n/(n−1))² is 1.0002 at n = 10,000; dropping it gives the usual
 * ln(2n/δ)/(2ε²).) Examples with δ = 0.05: n = 100,000 and ε = 0.02 need k = 19,003 pivots;
 * ε = 0.05 needs 3,041; n = 20,000 and ε = 0.05 needs 2,719. k grows only with ln n, so
 * sampling pays well beyond ~10k nodes and not below. The bound is on the absolute error of the
 * normalised value: small values get large relative errors, so use sampled values to rank the
 * top brokers, not to compare leaves.
 */
export function pivotsFor(n: number, epsilon: number, delta: number): number {
  if (!(epsilon > 0) || !(delta > 0 && delta < 1)) throw new Error('need ε > 0 and 0 < δ < 1');
  if (n < 3) return n;
  const r = n / (n - 1);
  return Math.min(n, Math.ceil((r * r * Math.log((2 * n) / delta)) / (2 * epsilon * epsilon)));
}

export interface SampledBetweennessOptions {
  /** Number of pivots k; or give `epsilon` and `delta` and k follows from the bound. */
  pivots?: number;
  epsilon?: number;
  delta?: number;
  seed?: number;
  normalized?: boolean;
  workers?: number;
}

export interface SampledBetweenness {
  values: Float64Array;
  pivots: number;
  /**
   * ε guaranteed with probability 1 − δ for the k used (δ as given, default 0.05), on the
   * normalised scale even when `normalized: false` (multiply by (n−1)(n−2)/2 or (n−1)(n−2) then).
   */
  epsilon: number;
  delta: number;
}

/** The k-pivot sample: a seeded shuffle of all nodes, first k taken. */
export function choosePivots(n: number, k: number, seed: number): Int32Array {
  const all = shuffleInPlace(
    Int32Array.from({ length: n }, (_, i) => i),
    mulberry32(seed),
  );
  return all.slice(0, Math.max(0, Math.min(n, k)));
}

export async function sampledBetweenness(
  graph: IndexedGraph,
  options: SampledBetweennessOptions = {},
): Promise<SampledBetweenness> {
  const n = graph.n;
  const delta = options.delta ?? 0.05;
  const k =
    options.pivots ??
    (options.epsilon !== undefined ? pivotsFor(n, options.epsilon, delta) : Math.min(n, 1000));
  const pivots = choosePivots(n, k, options.seed ?? 1);
  const sums = await pathSums(n, graph.out, pivots, true, options.workers ?? defaultWorkers());
  const r = n > 1 ? n / (n - 1) : 1;
  const epsilon =
    pivots.length >= n ? 0 : r * Math.sqrt(Math.log((2 * n) / delta) / (2 * pivots.length));
  return {
    values: rescaleBetweenness(
      sums.betweenness,
      n,
      graph.directed,
      options.normalized ?? true,
      pivots.length,
    ),
    pivots: pivots.length,
    epsilon,
    delta,
  };
}

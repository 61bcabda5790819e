import type { IndexedGraph } from './graph.ts';
import { defaultWorkers, pathSums, pathSumsSync, type PathSums } from './worker-pool.ts';

export interface BetweennessOptions {
  /**
   * true (default): networkx `betweenness_centrality(G, normalized=True)`, i.e. the raw Brandes
   * sum divided by (n−1)(n−2) for directed and undirected graphs alike (for undirected graphs
   * the raw sum counts every pair twice, so this is pairs / C(n−1, 2)). false: networkx's
   * `normalized=False` — pair counts, which is also igraph's `betweenness()`.
   */
  normalized?: boolean;
  /** Worker threads for the async version; default every core. */
  workers?: number;
}

const allSources = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

/**
 * networkx's `_rescale`: `sources` < n means pivot sampling, whose sum is scaled up by n/k so that
 * it estimates the full sum.
 */
export function rescaleBetweenness(
  raw: Float64Array,
  n: number,
  directed: boolean,
  normalized: boolean,
  sources: number,
): Float64Array {
  let scale = 1;
  if (normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  else if (!directed) scale = 0.5;
  if (sources < n && sources > 0) scale *= n / sources;
  return raw.map((x) => x * scale);
}

/**
 * Exact unweighted (hop-count) betweenness, Brandes 2001, in the calling thread. O(nm) time,
 * O(n + m) memory. Values are aligned with `graph.ids`.
 */
export function betweennessSync(
  graph: IndexedGraph,
  options: BetweennessOptions = {},
): Float64Array {
  const sums = pathSumsSync(graph.n, graph.out, allSources(graph.n), true);
  return rescaleBetweenness(
    sums.betweenness,
    graph.n,
    graph.directed,
    options.normalized ?? true,
    graph.n,
  );
}

/** Exact betweenness with the sources split over worker threads; same values as the sync one. */
export async function betweenness(
  graph: IndexedGraph,
  options: BetweennessOptions = {},
): Promise<Float64Array> {
  const sums = await pathSums(
    graph.n,
    graph.out,
    allSources(graph.n),
    true,
    options.workers ?? defaultWorkers(),
  );
  return rescaleBetweenness(
    sums.betweenness,
    graph.n,
    graph.directed,
    options.normalized ?? true,
    graph.n,
  );
}

/**
 * networkx `closeness_centrality(G)` (hop distances; for directed graphs the incoming distance,
 * as networkx computes it): with r the number of nodes that reach v (v excluded) and D the sum
 * of their distances to v, C(v) = r/D, multiplied by r/(n−1) when `wfImproved` (networkx's
 * default, Wasserman–Faust's correction for disconnected graphs). 0 when nothing reaches v.
 */
export function closenessFromSums(sums: PathSums, n: number, wfImproved = true): Float64Array {
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = sums.reachCount[v]!;
    const d = sums.distSum[v]!;
    if (r > 0 && d > 0 && n > 1) out[v] = (r / d) * (wfImproved ? r / (n - 1) : 1);
  }
  return out;
}

export function closenessSync(graph: IndexedGraph, wfImproved = true): Float64Array {
  return closenessFromSums(
    pathSumsSync(graph.n, graph.out, allSources(graph.n), false),
    graph.n,
    wfImproved,
  );
}

/**
 * Betweenness and closeness from one set of BFS passes (the BFS is the shared cost), in worker
 * threads. Used by the snapshot metrics.
 */
export async function pathCentralities(
  graph: IndexedGraph,
  options: BetweennessOptions & { wfImproved?: boolean } = {},
): Promise<{ betweenness: Float64Array; closeness: Float64Array }> {
  const sums = await pathSums(
    graph.n,
    graph.out,
    allSources(graph.n),
    true,
    options.workers ?? defaultWorkers(),
  );
  return {
    betweenness: rescaleBetweenness(
      sums.betweenness,
      graph.n,
      graph.directed,
      options.normalized ?? true,
      graph.n,
    ),
    closeness: closenessFromSums(sums, graph.n, options.wfImproved ?? true),
  };
}

/** Closeness alone in worker threads (BFS without the dependency phase). */
export async function closeness(
  graph: IndexedGraph,
  options: { workers?: number; wfImproved?: boolean } = {},
): Promise<Float64Array> {
  const sums = await pathSums(
    graph.n,
    graph.out,
    allSources(graph.n),
    false,
    options.workers ?? defaultWorkers(),
  );
  return closenessFromSums(sums, graph.n, options.wfImproved ?? true);
}

import type { IndexedGraph } from './graph.ts';

/** networkx `density`: m / (n(n−1)) directed, 2m / (n(n−1)) undirected; 0 below two nodes. */
export function density(graph: IndexedGraph): number {
  const { n, m } = graph;
  if (n < 2) return 0;
  return (graph.directed ? m : 2 * m) / (n * (n - 1));
}

export interface Centralisation {
  /** Undirected graphs (or the undirected view of a directed one). */
  degree: number;
  /** Directed graphs only, else null. */
  inDegree: number | null;
  outDegree: number | null;
}

const freeman = (scores: ArrayLike<number>, maxSum: number): number => {
  if (maxSum <= 0 || scores.length === 0) return 0;
  let top = -Infinity;
  for (let i = 0; i < scores.length; i++) top = Math.max(top, scores[i]!);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += top - scores[i]!;
  return sum / maxSum;
};

/**
 * Freeman's degree centralisation, unweighted: C = Σ_v (d_max − d_v) / max, where max is the
 * value of that sum for a star on n nodes — the most centralised graph:
 * - `degree` (undirected degree, i.e. distinct neighbours in either direction):
 *   max = (n−1)(n−2);
 * - `inDegree` / `outDegree` (directed only): max = (n−1)², a star with all arcs in (or out).
 * In [0, 1]; 1 for a star, 0 for a regular graph; 0 for the undirected score below three nodes.
 */
export function degreeCentralisation(graph: IndexedGraph): Centralisation {
  const n = graph.n;
  const und = graph.undirected.offsets;
  const d = Float64Array.from({ length: n }, (_, v) => und[v + 1]! - und[v]!);
  const degree = n < 3 ? 0 : freeman(d, (n - 1) * (n - 2));
  if (!graph.directed) return { degree, inDegree: null, outDegree: null };
  const rows = (o: Int32Array) => Float64Array.from({ length: n }, (_, v) => o[v + 1]! - o[v]!);
  const max = (n - 1) * (n - 1);
  return {
    degree,
    inDegree: n < 2 ? 0 : freeman(rows(graph.in.offsets), max),
    outDegree: n < 2 ? 0 : freeman(rows(graph.out.offsets), max),
  };
}

/**
 * networkx `overall_reciprocity`: the share of arcs whose reverse arc also exists. null for
 * undirected graphs (networkx refuses them; every tie is mutual by construction) and for a
 * graph without ties.
 */
export function reciprocity(graph: IndexedGraph): number | null {
  if (!graph.directed || graph.m === 0) return null;
  const mutualPairs = graph.m - graph.undirected.targets.length / 2;
  return (2 * mutualPairs) / graph.m;
}

/**
 * Local clustering coefficient per node on the undirected, unweighted view (networkx
 * `clustering(G.to_undirected())`): triangles through v / (d(d−1)/2), 0 when d < 2.
 */
export function clustering(graph: IndexedGraph): Float64Array {
  const n = graph.n;
  const { offsets, targets } = graph.undirected;
  const mark = new Int32Array(n).fill(-1);
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const d = offsets[v + 1]! - offsets[v]!;
    if (d < 2) continue;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) mark[targets[p]!] = v;
    let links = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      for (let q = offsets[u]!; q < offsets[u + 1]!; q++) if (mark[targets[q]!] === v) links++;
    }
    out[v] = links / (d * (d - 1));
  }
  return out;
}

/** networkx `average_clustering` of the undirected view, counting zeros; 0 for an empty graph. */
export function averageClustering(graph: IndexedGraph): number {
  const c = clustering(graph);
  if (c.length === 0) return 0;
  let s = 0;
  for (const x of c) s += x;
  return s / c.length;
}

export interface Components {
  /** Component index per node, numbered in order of each component's lowest node index. */
  component: Int32Array;
  /** Sizes per component index. */
  sizes: number[];
  count: number;
  /** Nodes without any tie. */
  isolates: number;
  /** Size of the largest component / n (0 for an empty graph). */
  largestShare: number;
}

/** Connected components (weakly connected when directed, as networkx's `weakly_connected_components`). */
export function components(graph: IndexedGraph): Components {
  const n = graph.n;
  const { offsets, targets } = graph.undirected;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  let isolates = 0;
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    component[s] = c;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const w = targets[p]!;
        if (component[w] === -1) {
          component[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
    if (tail === 1) isolates++;
  }
  const largest = sizes.reduce((a, b) => Math.max(a, b), 0);
  return { component, sizes, count: sizes.length, isolates, largestShare: n ? largest / n : 0 };
}

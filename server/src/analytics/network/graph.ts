/**
 * The input of every network metric: one snapshot of the collaboration network.
 *
 * - `nodes`: actors; `id` is unique. `kind` and `sizeClass` are only used by the small/large
 *   brokerage metric (persons normally have no size class).
 * - `edges`: ties. With `directed: true` a tie goes from `source` to `target` (e.g. "source
 *   names target as a partner"); otherwise the order does not matter. `weight` (default 1, must be
 *   finite and > 0) is the tie strength, e.g. the PARTNER intensity level 1–4. Weights are used by
 *   weighted degree, PageRank and Louvain/modularity; betweenness and closeness count hops, as
 *   networkx does without a `weight` argument (a strength is not a distance).
 * - `ratings`: PARTNER survey answers, always directed from `rater` to `ratee` even when the tie
 *   graph is undirected (a rating is one party's view of the other). Items are on the 1–4 scale;
 *   a missing item is `null`/absent.
 *
 * Bad input throws (the service layer turns it into problem+json before this is reached):
 * duplicate node ids, ties or ratings naming an unknown node, self-ties, non-positive weights.
 * Parallel ties (several tie types between the same pair, or a→b and b→a in an undirected graph)
 * are merged into one tie whose weight is the sum, so the metrics see a simple graph.
 */
export interface GraphNode {
  id: string;
  kind?: 'person' | 'organisation';
  sizeClass?: 'small' | 'large';
}

export interface GraphEdge {
  source: string;
  target: string;
  weight?: number;
}

export interface Rating {
  rater: string;
  ratee: string;
  /** Trust items. */
  reliability?: number | null;
  mission?: number | null;
  openness?: number | null;
  /** Value items. */
  power?: number | null;
  involvement?: number | null;
  resources?: number | null;
}

export interface SnapshotGraph {
  directed: boolean;
  nodes: GraphNode[];
  edges: GraphEdge[];
  ratings?: Rating[];
}

/**
 * Compressed sparse row adjacency, node i's neighbours are `targets[offsets[i] .. offsets[i+1])`,
 * sorted by index so every traversal order (and so every floating-point sum) is deterministic.
 */
export interface Csr {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

export interface IndexedGraph {
  n: number;
  directed: boolean;
  ids: string[];
  index: Map<string, number>;
  nodes: GraphNode[];
  /** Number of (merged) ties: arcs when directed, unordered pairs when not. */
  m: number;
  /** Successors (directed) or neighbours (undirected). */
  out: Csr;
  /** Predecessors (directed); the same object as `out` when undirected. */
  in: Csr;
  /** Neighbours ignoring direction, weight of a↔b = w(a→b) + w(b→a). */
  undirected: Csr;
  ratings: Rating[];
}

function buildCsr(n: number, pairs: Map<number, number>[]): Csr {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + pairs[i]!.size;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const sorted = [...pairs[i]!.entries()].sort((a, b) => a[0] - b[0]);
    let p = offsets[i]!;
    for (const [j, w] of sorted) {
      targets[p] = j;
      weights[p++] = w;
    }
  }
  return { offsets, targets, weights };
}

function addTo(pairs: Map<number, number>[], a: number, b: number, w: number): void {
  const row = pairs[a]!;
  row.set(b, (row.get(b) ?? 0) + w);
}

/** Validates a snapshot and builds its CSR adjacency (O(n + m log m)). */
export function indexGraph(graph: SnapshotGraph): IndexedGraph {
  const n = graph.nodes.length;
  const ids = graph.nodes.map((v) => v.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`duplicate node id ${id}`);
    index.set(id, i);
  });
  const lookup = (id: string, what: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${what} names unknown node ${id}`);
    return i;
  };
  const outPairs = Array.from({ length: n }, () => new Map<number, number>());
  const inPairs = Array.from({ length: n }, () => new Map<number, number>());
  const undPairs = Array.from({ length: n }, () => new Map<number, number>());
  for (const e of graph.edges) {
    const s = lookup(e.source, 'tie');
    const t = lookup(e.target, 'tie');
    if (s === t) throw new Error(`self-tie on ${e.source}`);
    const w = e.weight ?? 1;
    if (!Number.isFinite(w) || w <= 0) throw new Error(`tie weight must be > 0, got ${w}`);
    addTo(undPairs, s, t, w);
    addTo(undPairs, t, s, w);
    if (graph.directed) {
      addTo(outPairs, s, t, w);
      addTo(inPairs, t, s, w);
    }
  }
  const undirected = buildCsr(n, undPairs);
  const out = graph.directed ? buildCsr(n, outPairs) : undirected;
  const inCsr = graph.directed ? buildCsr(n, inPairs) : undirected;
  const ratings = graph.ratings ?? [];
  for (const r of ratings) {
    if (lookup(r.rater, 'rating') === lookup(r.ratee, 'rating')) {
      throw new Error(`self-rating by ${r.rater}`);
    }
  }
  const m = graph.directed ? out.targets.length : undirected.targets.length / 2;
  return {
    n,
    directed: graph.directed,
    ids,
    index,
    nodes: graph.nodes,
    m,
    out,
    in: inCsr,
    undirected,
    ratings,
  };
}

import type { Csr, IndexedGraph } from './graph.ts';

export interface DegreeScores {
  /** Ties per node: in + out when directed (networkx `G.degree`), neighbours when undirected. */
  degree: Float64Array;
  /** Equal to `degree` when undirected. */
  inDegree: Float64Array;
  outDegree: Float64Array;
  /** The same with tie weights summed (networkx `G.degree(weight='weight')`). */
  strength: Float64Array;
  inStrength: Float64Array;
  outStrength: Float64Array;
  /** networkx `degree_centrality`: degree / (n − 1); 1 for the single node of a 1-node graph. */
  degreeCentrality: Float64Array;
}

function rowSums(csr: Csr, n: number): { count: Float64Array; weight: Float64Array } {
  const count = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    count[v] = csr.offsets[v + 1]! - csr.offsets[v]!;
    let w = 0;
    for (let p = csr.offsets[v]!; p < csr.offsets[v + 1]!; p++) w += csr.weights[p]!;
    weight[v] = w;
  }
  return { count, weight };
}

export function degrees(graph: IndexedGraph): DegreeScores {
  const n = graph.n;
  const out = rowSums(graph.out, n);
  const inn = graph.directed ? rowSums(graph.in, n) : out;
  const degree = graph.directed ? out.count.map((x, i) => x + inn.count[i]!) : out.count;
  const strength = graph.directed ? out.weight.map((x, i) => x + inn.weight[i]!) : out.weight;
  const degreeCentrality = n > 1 ? degree.map((d) => d / (n - 1)) : new Float64Array(n).fill(1);
  return {
    degree,
    inDegree: inn.count,
    outDegree: out.count,
    strength,
    inStrength: inn.weight,
    outStrength: out.weight,
    degreeCentrality,
  };
}

export interface PageRankOptions {
  /** Damping factor; networkx's default 0.85. */
  alpha?: number;
  /** Use tie weights (networkx's default `weight='weight'`, missing weight = 1). Default true. */
  weighted?: boolean;
  /** Stop when the L1 change of one iteration is below n·tol. */
  tol?: number;
  maxIterations?: number;
}

/**
 * networkx `pagerank(G, alpha=0.85)`: power iteration on the weight-stochastic matrix, with the
 * rank of dangling nodes (no out-ties) spread uniformly and a uniform teleport. An undirected tie
 * counts in both directions. The default tolerance (1e-15 per node, vs networkx's 1e-6) iterates
 * to the fixed point itself, so values agree with any other exact solver to ~1e-13 rather than
 * to networkx's stopping point; the fixtures were computed the same way (see make-fixtures.py).
 * Sums to 1 (up to rounding).
 */
export function pageRank(graph: IndexedGraph, options: PageRankOptions = {}): Float64Array {
  const n = graph.n;
  if (n === 0) return new Float64Array(0);
  const alpha = options.alpha ?? 0.85;
  const weighted = options.weighted ?? true;
  const tol = options.tol ?? 1e-15;
  const maxIterations = options.maxIterations ?? 10_000;
  const { offsets, targets, weights } = graph.out;
  const share = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let v = 0; v < n; v++) {
    let total = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) total += weighted ? weights[p]! : 1;
    if (total === 0) dangling.push(v);
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      share[p] = (weighted ? weights[p]! : 1) / total;
    }
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < maxIterations; it++) {
    let danglingSum = 0;
    for (const v of dangling) danglingSum += x[v]!;
    next.fill((alpha * danglingSum + 1 - alpha) / n);
    for (let v = 0; v < n; v++) {
      const xv = alpha * x[v]!;
      for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
        const t = targets[p]!;
        next[t] = next[t]! + xv * share[p]!;
      }
    }
    let err = 0;
    for (let v = 0; v < n; v++) err += Math.abs(next[v]! - x[v]!);
    [x, next] = [next, x];
    if (err < n * tol) return x;
  }
  return x;
}

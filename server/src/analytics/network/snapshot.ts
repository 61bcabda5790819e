import { betweennessSync, closeness, closenessSync, pathCentralities } from './betweenness.ts';
import {
  degreeCentralisation,
  density,
  reciprocity,
  averageClustering,
  components,
  clustering,
} from './network.ts';
import { degrees, pageRank } from './centrality.ts';
import { indexGraph, type IndexedGraph, type SnapshotGraph } from './graph.ts';
import { louvain } from './louvain.ts';
import { partnerScores, smallLargeBrokerage } from './partner.ts';
import { sampledBetweenness } from './sampled.ts';

export interface NodeMetrics {
  id: string;
  degree: number;
  inDegree: number;
  outDegree: number;
  strength: number;
  inStrength: number;
  outStrength: number;
  degreeCentrality: number;
  /** Normalised as networkx `betweenness_centrality(normalized=True)`; sampled when `network.betweennessSampled`. */
  betweenness: number;
  closeness: number;
  pageRank: number;
  clustering: number;
  brokerage: number;
  brokerageShare: number | null;
  trust: number | null;
  value: number | null;
  community: number;
  component: number;
}

export interface NetworkMetrics {
  nodes: number;
  ties: number;
  directed: boolean;
  density: number;
  degreeCentralisation: number;
  inDegreeCentralisation: number | null;
  outDegreeCentralisation: number | null;
  reciprocity: number | null;
  averageClustering: number;
  components: number;
  isolates: number;
  largestComponentShare: number;
  communities: number;
  modularity: number;
  trust: number | null;
  value: number | null;
  /** null when betweenness is exact; else the ε that holds with probability 1 − δ. */
  betweennessSampled: { pivots: number; epsilon: number; delta: number } | null;
}

export interface SnapshotMetrics {
  nodes: NodeMetrics[];
  network: NetworkMetrics;
}

export interface SnapshotOptions {
  workers?: number;
  /** Above this many nodes betweenness is sampled (default 10,000). */
  sampleAbove?: number;
  /** ε for the sampled betweenness (default 0.02 at δ = 0.05). */
  epsilon?: number;
  seed?: number;
}

type PathResult = {
  betweenness: Float64Array;
  closeness: Float64Array;
  sampled: NetworkMetrics['betweennessSampled'];
};

function assemble(g: IndexedGraph, paths: PathResult, seed: number): SnapshotMetrics {
  const deg = degrees(g);
  const pr = pageRank(g);
  const cc = clustering(g);
  const comp = components(g);
  const comm = louvain(g, { seed });
  const partner = partnerScores(g);
  const broker = smallLargeBrokerage(g);
  const central = degreeCentralisation(g);
  const nodes = g.ids.map((id, v) => ({
    id,
    degree: deg.degree[v]!,
    inDegree: deg.inDegree[v]!,
    outDegree: deg.outDegree[v]!,
    strength: deg.strength[v]!,
    inStrength: deg.inStrength[v]!,
    outStrength: deg.outStrength[v]!,
    degreeCentrality: deg.degreeCentrality[v]!,
    betweenness: paths.betweenness[v]!,
    closeness: paths.closeness[v]!,
    pageRank: pr[v]!,
    clustering: cc[v]!,
    brokerage: broker.count[v]!,
    brokerageShare: broker.share[v]!,
    trust: partner.trust[v]!,
    value: partner.value[v]!,
    community: comm.community[v]!,
    component: comp.component[v]!,
  }));
  return {
    nodes,
    network: {
      nodes: g.n,
      ties: g.m,
      directed: g.directed,
      density: density(g),
      degreeCentralisation: central.degree,
      inDegreeCentralisation: central.inDegree,
      outDegreeCentralisation: central.outDegree,
      reciprocity: reciprocity(g),
      averageClustering: averageClustering(g),
      components: comp.count,
      isolates: comp.isolates,
      largestComponentShare: comp.largestShare,
      communities: comm.count,
      modularity: comm.modularity,
      trust: partner.networkTrust,
      value: partner.networkValue,
      betweennessSampled: paths.sampled,
    },
  };
}

/** Every node and network metric of one snapshot in the calling thread (small graphs, tests). */
export function snapshotMetricsSync(
  graph: SnapshotGraph,
  options: SnapshotOptions = {},
): SnapshotMetrics {
  const g = indexGraph(graph);
  const paths = { betweenness: betweennessSync(g), closeness: closenessSync(g), sampled: null };
  return assemble(g, paths, options.seed ?? 1);
}

/**
 * The same with betweenness and closeness in worker threads; beyond `sampleAbove` nodes
 * betweenness is pivot-sampled (closeness stays exact: its BFS passes are the cheaper half).
 */
export async function snapshotMetrics(
  graph: SnapshotGraph,
  options: SnapshotOptions = {},
): Promise<SnapshotMetrics> {
  const g = indexGraph(graph);
  const seed = options.seed ?? 1;
  let paths: PathResult;
  if (g.n > (options.sampleAbove ?? 10_000)) {
    const s = await sampledBetweenness(g, {
      epsilon: options.epsilon ?? 0.02,
      seed,
      workers: options.workers,
    });
    const exactCloseness = await closeness(g, { workers: options.workers });
    paths = {
      betweenness: s.values,
      closeness: exactCloseness,
      sampled: { pivots: s.pivots, epsilon: s.epsilon, delta: s.delta },
    };
  } else {
    paths = { ...(await pathCentralities(g, { workers: options.workers })), sampled: null };
  }
  return assemble(g, paths, seed);
}

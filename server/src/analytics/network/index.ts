export type { Csr, GraphEdge, GraphNode, IndexedGraph, Rating, SnapshotGraph } from './graph.ts';
export { indexGraph } from './graph.ts';
export {
  betweenness,
  betweennessSync,
  closeness,
  closenessSync,
  pathCentralities,
  type BetweennessOptions,
} from './betweenness.ts';
export { degrees, pageRank, type DegreeScores, type PageRankOptions } from './centrality.ts';
export {
  averageClustering,
  clustering,
  components,
  degreeCentralisation,
  density,
  reciprocity,
  type Centralisation,
  type Components,
} from './network.ts';
export { louvain, modularity, type LouvainOptions, type LouvainResult } from './louvain.ts';
export {
  partnerScores,
  smallLargeBrokerage,
  type Brokerage,
  type PartnerScores,
} from './partner.ts';
export {
  pivotsFor,
  sampledBetweenness,
  type SampledBetweenness,
  type SampledBetweennessOptions,
} from './sampled.ts';
export {
  snapshotMetrics,
  snapshotMetricsSync,
  type NetworkMetrics,
  type NodeMetrics,
  type SnapshotMetrics,
  type SnapshotOptions,
} from './snapshot.ts';
export {
  compareSnapshots,
  type Change,
  type NodeComparison,
  type SnapshotComparison,
} from './compare.ts';

import type { NetworkMetrics, NodeMetrics, SnapshotMetrics } from './snapshot.ts';

/** Node metrics that are compared; community and component numbers are labels, not amounts. */
export const COMPARED_NODE_METRICS = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'inStrength',
  'outStrength',
  'degreeCentrality',
  'betweenness',
  'closeness',
  'pageRank',
  'clustering',
  'brokerage',
  'brokerageShare',
  'trust',
  'value',
] as const satisfies readonly (keyof NodeMetrics)[];

export const COMPARED_NETWORK_METRICS = [
  'nodes',
  'ties',
  'density',
  'degreeCentralisation',
  'inDegreeCentralisation',
  'outDegreeCentralisation',
  'reciprocity',
  'averageClustering',
  'components',
  'isolates',
  'largestComponentShare',
  'communities',
  'modularity',
  'trust',
  'value',
] as const satisfies readonly (keyof NetworkMetrics)[];

export type NodeMetricName = (typeof COMPARED_NODE_METRICS)[number];
export type NetworkMetricName = (typeof COMPARED_NETWORK_METRICS)[number];

export interface Change {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is missing (node absent, nobody rated it, …). */
  delta: number | null;
}

export interface NodeComparison {
  id: string;
  /** `before`/`after`: the node is in that snapshot only (joined or left the network). */
  presence: 'both' | 'before' | 'after';
  changes: Record<NodeMetricName, Change>;
}

export interface SnapshotComparison {
  nodes: NodeComparison[];
  network: Record<NetworkMetricName, Change>;
  joined: string[];
  left: string[];
}

const change = (before: number | null | undefined, after: number | null | undefined): Change => {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a !== null && b !== null ? a - b : null };
};

/**
 * Compares two snapshots (e.g. two survey rounds). Nodes are matched by id; the order is the
 * "before" snapshot's nodes, then the newcomers in "after" order. Deltas are after − before of
 * each snapshot's own values, so normalised metrics (betweenness, closeness, PageRank) compare
 * positions within each network, not absolute counts.
 */
export function compareSnapshots(
  before: SnapshotMetrics,
  after: SnapshotMetrics,
): SnapshotComparison {
  const afterById = new Map(after.nodes.map((x) => [x.id, x]));
  const beforeIds = new Set(before.nodes.map((x) => x.id));
  const compareNode = (id: string, b: NodeMetrics | undefined, a: NodeMetrics | undefined) => ({
    id,
    presence: b && a ? ('both' as const) : b ? ('before' as const) : ('after' as const),
    changes: Object.fromEntries(
      COMPARED_NODE_METRICS.map((k) => [k, change(b?.[k], a?.[k])]),
    ) as Record<NodeMetricName, Change>,
  });
  const nodes = [
    ...before.nodes.map((b) => compareNode(b.id, b, afterById.get(b.id))),
    ...after.nodes.filter((a) => !beforeIds.has(a.id)).map((a) => compareNode(a.id, undefined, a)),
  ];
  const network = Object.fromEntries(
    COMPARED_NETWORK_METRICS.map((k) => [k, change(before.network[k], after.network[k])]),
  ) as Record<NetworkMetricName, Change>;
  return {
    nodes,
    network,
    joined: nodes.filter((x) => x.presence === 'after').map((x) => x.id),
    left: nodes.filter((x) => x.presence === 'before').map((x) => x.id),
  };
}

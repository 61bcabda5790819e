import { tieIntensities, tieTypes } from '../../db/types.ts';
import type { NetworkEdge, NetworkNode } from './schema.ts';

// The columns of every network export: the CSV headers, the GEXF attributes and the GraphML keys
// are made from these lists, and the codebook describes each of them, so they cannot drift apart.

export type ColumnType = 'string' | 'integer' | 'double' | 'boolean';

export interface Column<Row> {
  name: string;
  type: ColumnType;
  description: string;
  value: (row: Row) => string | number | boolean | null;
}

type NodeRow = NetworkNode & { pseudonymised: boolean };

const metric = (
  name: keyof NetworkNode,
  type: ColumnType,
  description: string,
): Column<NodeRow> => ({ name, type, description, value: (n) => n[name] as number | null });

export const NODE_COLUMNS: Column<NodeRow>[] = [
  {
    name: 'id',
    type: 'string',
    description: 'Actor id; for a pseudonymised person its pseudonym (P- and 16 hex digits)',
    value: (n) => n.id,
  },
  {
    name: 'label',
    type: 'string',
    description: 'Name of the actor; for a pseudonymised person its pseudonym',
    value: (n) => n.label,
  },
  {
    name: 'kind',
    type: 'string',
    description: 'person (drager) or organisation',
    value: (n) => n.kind,
  },
  {
    name: 'orgKind',
    type: 'string',
    description: 'Kind of organisation; empty for persons',
    value: (n) => n.orgKind,
  },
  {
    name: 'sizeClass',
    type: 'string',
    description: 'small or large (organisations); empty for persons',
    value: (n) => n.sizeClass,
  },
  {
    name: 'pseudonymised',
    type: 'boolean',
    description: 'true when id and label are a pseudonym',
    value: (n) => n.pseudonymised,
  },
  metric('degree', 'integer', 'In-degree + out-degree in the metrics graph'),
  metric('inDegree', 'integer', 'Number of actors with an arc to this one'),
  metric('outDegree', 'integer', 'Number of actors this one has an arc to'),
  metric('strength', 'double', 'Degree weighted by tie weight (intensity 1–4)'),
  metric('inStrength', 'double', 'In-degree weighted by tie weight'),
  metric('outStrength', 'double', 'Out-degree weighted by tie weight'),
  metric('degreeCentrality', 'double', 'degree / (n − 1) (networkx degree_centrality)'),
  metric(
    'betweenness',
    'double',
    'Hop-count betweenness / ((n − 1)(n − 2)), directed (networkx normalized=True)',
  ),
  metric(
    'closeness',
    'double',
    'Closeness over incoming hop distances, Wasserman–Faust corrected (networkx)',
  ),
  metric('pageRank', 'double', 'PageRank, damping 0.85, weighted; sums to 1 over the nodes'),
  metric('clustering', 'double', 'Local clustering coefficient, undirected unweighted view'),
  metric('brokerage', 'integer', 'Neighbour pairs of a small and a large organisation not tied'),
  metric('brokerageShare', 'double', 'brokerage / small–large neighbour pairs; empty when none'),
  metric('trust', 'double', 'PARTNER trust 1–4 (mean of what others gave); empty when unrated'),
  metric('value', 'double', 'PARTNER value 1–4 (mean of what others gave); empty when unrated'),
  metric('community', 'integer', 'Louvain community number (a label, not an amount)'),
  metric('component', 'integer', 'Weakly connected component number (a label)'),
];

export const EDGE_COLUMNS: Column<NetworkEdge>[] = [
  {
    name: 'id',
    type: 'string',
    description: 'Tie id; in a pseudonymised export T- and 16 hex digits',
    value: (e) => e.id,
  },
  {
    name: 'source',
    type: 'string',
    description: 'Node id the tie goes from',
    value: (e) => e.source,
  },
  {
    name: 'target',
    type: 'string',
    description: 'Node id the tie goes to',
    value: (e) => e.target,
  },
  {
    name: 'type',
    type: 'string',
    description: `Tie type: ${tieTypes.join(', ')}`,
    value: (e) => e.type,
  },
  {
    name: 'directed',
    type: 'boolean',
    description: 'true: source → target; false: mutual (counted as an arc each way)',
    value: (e) => e.directed,
  },
  {
    name: 'intensity',
    type: 'string',
    description: `PARTNER level: ${tieIntensities.join(', ')}`,
    value: (e) => e.intensity,
  },
  {
    name: 'weight',
    type: 'integer',
    description: 'Intensity as a number: awareness 1, cooperative 2, coordinated 3, integrated 4',
    value: (e) => e.weight,
  },
  {
    name: 'startDate',
    type: 'string',
    description: 'First day of the tie (YYYY-MM-DD)',
    value: (e) => e.startDate,
  },
  {
    name: 'endDate',
    type: 'string',
    description: 'Last day of the tie; empty while current',
    value: (e) => e.endDate,
  },
  {
    name: 'inMetrics',
    type: 'boolean',
    description:
      'false: a tension or obstruction tie, shown but left out of the metrics (unless the export asked for that type)',
    value: (e) => e.inMetrics,
  },
];

export const nodeRows = (nodes: readonly NetworkNode[], pseudonymised: boolean): NodeRow[] =>
  nodes.map((n) => ({ ...n, pseudonymised: pseudonymised && n.kind === 'person' }));

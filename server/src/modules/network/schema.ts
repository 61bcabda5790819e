import { z } from 'zod';
import { actorKinds, organisationKinds, sizeClasses } from '../../db/types.ts';
import { uuid } from '../../http/route-schema.ts';
import { isoDate } from '../activities/schema.ts';
import { csvQuery } from '../exchange/schema.ts';
import { tieIntensity, tieType } from '../ties/schema.ts';

// The collaboration network as of a day (issue 4, items 3 and 5). Shape and format are checked
// here; unknown areas and domains and `from` after `to` by the service, so one 400 lists them all.

const filters = {
  areaId: uuid
    .optional()
    .describe('Only ties with an actor working in this area or one of its sub-areas'),
  domainId: uuid.optional().describe('Only ties with an actor working in this domain (a term)'),
  type: tieType
    .optional()
    .describe(
      'Only ties of this type. Without it every type is shown, but tension and obstruction ties are left out of the metrics; with type=tension or type=obstruction the metrics are over those ties.',
    ),
};

export const networkQuery = z.strictObject({
  asOf: isoDate.optional().describe('The day the ties run on, YYYY-MM-DD (default: today, UTC)'),
  round: uuid
    .optional()
    .describe(
      'A closed survey round: its frozen snapshot (its survey ties, every member a node, trust and value from its ratings) instead of the recorded ties of asOf',
    ),
  ...filters,
});

export const comparisonQuery = z.strictObject({
  from: isoDate.optional().describe('The earlier day, YYYY-MM-DD (default: a year before to)'),
  to: isoDate.optional().describe('The later day, YYYY-MM-DD, not before from (default: today)'),
  fromRound: uuid
    .optional()
    .describe('A closed survey round as the earlier snapshot (with toRound; from/to are ignored)'),
  toRound: uuid.optional().describe('A closed survey round as the later snapshot'),
  ...filters,
});

const pseudonymise = z
  .enum(['true', 'false'])
  .default('false')
  .describe(
    'true: persons get stable pseudonyms instead of names and ids (always on for researchers)',
  );

export const exportQuery = networkQuery.extend({ pseudonymise });
export const csvExportQuery = exportQuery.extend(csvQuery.shape);

export type NetworkQuery = z.infer<typeof networkQuery>;
export type ComparisonQuery = z.infer<typeof comparisonQuery>;
export type NetworkFilter = Omit<NetworkQuery, 'asOf' | 'round'>;

const num = z.number();
const share = z.number().nullable();

export const nodeSchema = z.object({
  id: z.string().describe('Actor id'),
  label: z.string().describe('The actor’s name'),
  kind: z.enum(actorKinds).describe('person or organisation'),
  orgKind: z.enum(organisationKinds).nullable().describe('Kind of organisation; null for persons'),
  sizeClass: z.enum(sizeClasses).nullable().describe('small or large; null for persons'),
  degree: num.describe('Ties in + out in the metrics graph (a mutual tie counts both ways)'),
  inDegree: num,
  outDegree: num,
  strength: num.describe('Degree weighted by intensity (awareness 1 … integrated 4)'),
  inStrength: num,
  outStrength: num,
  degreeCentrality: num.describe('degree / (n − 1), as networkx degree_centrality'),
  betweenness: num.describe(
    'Hop-count betweenness normalised by (n − 1)(n − 2), as networkx betweenness_centrality(normalized=True) on a directed graph',
  ),
  closeness: num.describe('Incoming hop distances, Wasserman–Faust correction (as networkx)'),
  pageRank: num.describe('PageRank, α 0.85, weighted by intensity; sums to 1'),
  clustering: num.describe('Local clustering of the undirected, unweighted view'),
  brokerage: num.describe('Open pairs of a small and a large organisation among the neighbours'),
  brokerageShare: share.describe('brokerage / small–large neighbour pairs; null when none'),
  trust: share.describe(
    'PARTNER trust, 1–4, mean over the raters; null unless a survey round (round=) rated the actor',
  ),
  value: share.describe('PARTNER value, 1–4; null for recorded ties'),
  raters: share.describe(
    'Respondents of the round who rated the actor; null for recorded ties. Trust and value need at least 5, except for those who run survey rounds (coordinators, admins), who see every score with this count',
  ),
  community: num.describe('Louvain community number (a label, not an amount)'),
  component: num.describe('Weakly connected component number (a label)'),
});

export const edgeSchema = z.object({
  id: z.string().describe('Tie id'),
  source: z.string().describe('From actor id'),
  target: z.string().describe('To actor id'),
  type: tieType,
  directed: z.boolean().describe('true: source → target; false: mutual'),
  intensity: tieIntensity,
  weight: z.number().int().min(1).max(4).describe('Intensity as a number: awareness 1 … 4'),
  startDate: z.string().meta({ format: 'date' }),
  endDate: z.string().nullable().meta({ format: 'date' }),
  inMetrics: z
    .boolean()
    .describe('false for tension/obstruction ties when no type was asked: shown, not measured'),
});

export const networkMetricsSchema = z.object({
  nodes: num,
  ties: num.describe('Arcs of the metrics graph (a mutual tie is two arcs; parallel ties merge)'),
  directed: z.boolean(),
  density: num.describe('arcs / (n(n − 1))'),
  degreeCentralisation: num.describe('Freeman, Σ(d_max − d) / ((n − 1)(n − 2))'),
  inDegreeCentralisation: share,
  outDegreeCentralisation: share,
  reciprocity: share.describe('Share of arcs whose reverse exists (networkx overall_reciprocity)'),
  averageClustering: num,
  components: num.describe('Weakly connected components'),
  isolates: num,
  largestComponentShare: num,
  communities: num,
  modularity: num.describe('Louvain, undirected view, resolution 1, seeded'),
  trust: share,
  value: share,
  betweennessSampled: z
    .object({ pivots: num, epsilon: num, delta: num })
    .nullable()
    .describe('null: exact; else pivot-sampled with error ε at probability 1 − δ'),
});

export const networkSchema = z.object({
  asOf: z.string().meta({ format: 'date' }),
  roundId: z.string().nullable().describe('The survey round of the snapshot; null: recorded ties'),
  areaId: z.string().nullable(),
  domainId: z.string().nullable(),
  type: tieType.nullable(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  network: networkMetricsSchema,
});

const changeSchema = z.object({
  before: share,
  after: share,
  delta: share.describe('after − before; null when either is missing'),
});
const changes = (names: readonly string[]) =>
  z.object(Object.fromEntries(names.map((k) => [k, changeSchema])));

export const comparisonSchemaOf = (nodeNames: readonly string[], netNames: readonly string[]) =>
  z.object({
    from: z.string().meta({ format: 'date' }),
    to: z.string().meta({ format: 'date' }),
    nodes: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(actorKinds),
        presence: z
          .enum(['both', 'before', 'after'])
          .describe('before/after: in that snapshot only'),
        changes: changes(nodeNames),
      }),
    ),
    network: changes(netNames),
    joined: z.array(z.string()).describe('Actors only in the later snapshot'),
    left: z.array(z.string()).describe('Actors only in the earlier snapshot'),
  });

export type NetworkNode = z.infer<typeof nodeSchema>;
export type NetworkEdge = z.infer<typeof edgeSchema>;
export type Network = z.infer<typeof networkSchema>;

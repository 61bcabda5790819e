// The network API's shapes (server/src/modules/network/schema.ts and ties/schema.ts).

export const tieTypes = [
  'collaboration',
  'support',
  'funding',
  'referral',
  'information_exchange',
  'tension',
  'obstruction',
] as const;
export type TieType = (typeof tieTypes)[number];

/** PARTNER's levels of collaboration, weakest first. */
export const tieIntensities = ['awareness', 'cooperative', 'coordinated', 'integrated'] as const;
export type TieIntensity = (typeof tieIntensities)[number];

/** Tension and obstruction: shown, but left out of the metrics unless asked for. */
export const negativeTieTypes: readonly TieType[] = ['tension', 'obstruction'];

export interface NetworkNode {
  id: string;
  label: string;
  kind: 'person' | 'organisation';
  orgKind: string | null;
  sizeClass: 'small' | 'large' | null;
  degree: number;
  inDegree: number;
  outDegree: number;
  strength: number;
  inStrength: number;
  outStrength: number;
  degreeCentrality: number;
  betweenness: number;
  closeness: number;
  pageRank: number;
  clustering: number;
  brokerage: number;
  brokerageShare: number | null;
  trust: number | null;
  value: number | null;
  /** Respondents of the round who rated the actor; null for recorded ties. */
  raters: number | null;
  community: number;
  component: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  type: TieType;
  directed: boolean;
  intensity: TieIntensity;
  weight: number;
  startDate: string;
  endDate: string | null;
  inMetrics: boolean;
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
  betweennessSampled: { pivots: number; epsilon: number; delta: number } | null;
}

export interface Network {
  asOf: string;
  areaId: string | null;
  domainId: string | null;
  type: TieType | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  network: NetworkMetrics;
}

export interface Change {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface NetworkComparison {
  from: string;
  to: string;
  nodes: {
    id: string;
    label: string;
    kind: 'person' | 'organisation';
    presence: 'both' | 'before' | 'after';
    changes: Record<string, Change>;
  }[];
  network: Record<string, Change>;
  joined: string[];
  left: string[];
}

export interface Tie {
  id: string;
  fromActorId: string;
  fromActorName: string;
  toActorId: string;
  toActorName: string;
  type: TieType;
  directed: boolean;
  intensity: TieIntensity;
  startDate: string;
  endDate: string | null;
  source: 'recorded' | 'survey';
  surveyRoundId: string | null;
  note: string | null;
  canEdit: boolean;
}

/** The filters the network and comparison endpoints share (a survey round comes later). */
export interface NetworkFilter {
  areaId?: string | undefined;
  domainId?: string | undefined;
  type?: TieType | undefined;
}

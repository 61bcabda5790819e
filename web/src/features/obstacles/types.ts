// Shapes of the obstacle register's API answers (server/src/modules/obstacles/schema.ts).

export const obstacleCategories = [
  'policy',
  'bureaucracy',
  'funding',
  'competition',
  'other',
] as const;
export type ObstacleCategory = (typeof obstacleCategories)[number];
/** Finer kinds within a category (server/src/db/obstacle-types.ts). */
export const obstacleSubcategories = {
  policy: [],
  bureaucracy: ['attitude', 'staff_turnover', 'slow_decisions', 'fragmented_decisions'],
  funding: [
    'projects_only',
    'too_short',
    'cofinancing',
    'reporting_burden',
    'late_payment',
    'no_overhead',
    'procurement_rules',
  ],
  competition: [],
  other: [],
} as const satisfies Record<ObstacleCategory, readonly string[]>;
export type ObstacleSubcategory =
  (typeof obstacleSubcategories)[keyof typeof obstacleSubcategories][number];
export const obstacleSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type ObstacleSeverity = (typeof obstacleSeverities)[number];
export const obstacleStatuses = [
  'reported',
  'acknowledged',
  'in_progress',
  'resolved',
  'unresolvable',
  'forwarded',
  'withdrawn',
  'merged',
] as const;
export type ObstacleStatus = (typeof obstacleStatuses)[number];

export interface Obstacle {
  id: string;
  category: ObstacleCategory;
  subcategory: ObstacleSubcategory | null;
  severity: ObstacleSeverity;
  title: string;
  description: string;
  whatWouldHelp: string | null;
  areaIds: string[];
  domainIds: string[];
  initiativeId: string | null;
  mergedIntoId: string | null;
  reporterKind: 'named' | 'anonymous';
  status: ObstacleStatus;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  hidden: boolean;
  endorsementCount: number;
  createdAt: string;
}

export interface ObstacleDetail extends Obstacle {
  hiddenReason: string | null;
  endorsements: { id: string; context: string | null; createdAt: string; mine: boolean }[];
  history:
    | {
        kind: string;
        status: ObstacleStatus | null;
        note: string | null;
        actorRole: 'reporter' | 'owner' | 'coordinator' | 'system';
        createdAt: string;
      }[]
    | null;
  viewer: {
    isReporter: boolean;
    hasEndorsed: boolean;
    isOwner: boolean;
    canModerate: boolean;
    nextStatuses: ObstacleStatus[];
  };
}

export interface ObstacleInput {
  category: ObstacleCategory;
  subcategory: ObstacleSubcategory | null;
  initiativeId: string | null;
  severity: ObstacleSeverity;
  title: string;
  description: string;
  whatWouldHelp: string | null;
  areaIds: string[];
  domainIds: string[];
  anonymous: boolean;
}

export interface Owner {
  id: string;
  name: string;
  kind: 'organisation' | 'department';
  actorId: string | null;
  memberUserIds: string[];
}

export type RedactField = 'title' | 'description' | 'whatWouldHelp' | 'endorsementContext';

export const trendDimensions = ['category', 'status', 'area', 'domain', 'owner'] as const;
export type TrendBy = (typeof trendDimensions)[number];
export const trendPeriods = ['month', 'quarter'] as const;
export type TrendPeriod = (typeof trendPeriods)[number];

export interface DashboardCell {
  key: string;
  label: string;
  count: number | null;
  endorsements: number | null;
  suppressed: boolean;
}

export interface Dashboard {
  threshold: number;
  total: number | null;
  byCategory: DashboardCell[];
  byStatus: DashboardCell[];
  byArea: DashboardCell[];
  byDomain: DashboardCell[];
  byOwner: DashboardCell[];
  trend: { by: TrendBy; period: TrendPeriod; cells: (DashboardCell & { period: string })[] };
  timeToFirstResponse: { medianDays: number | null; n: number | null };
  timeToResolution: { medianDays: number | null; n: number | null };
}

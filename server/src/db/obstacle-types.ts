// The obstacle register (issue 7): obstacles (knelpunten) carriers report, named or anonymously,
// their endorsements ("ik herken dit"), the owners who must respond, and each obstacle's history.

export const obstacleCategories = [
  'policy',
  'bureaucracy',
  'funding',
  'competition',
  'other',
] as const;
export type ObstacleCategory = (typeof obstacleCategories)[number];

/** Finer kinds within a category (none for policy, competition and other). */
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
export const allObstacleSubcategories = [
  ...obstacleSubcategories.bureaucracy,
  ...obstacleSubcategories.funding,
] as const;
export type ObstacleSubcategory = (typeof allObstacleSubcategories)[number];

export const obstacleSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type ObstacleSeverity = (typeof obstacleSeverities)[number];

/**
 * reported → acknowledged (erkend) → in_progress (in behandeling) → resolved (opgelost) /
 * unresolvable (niet oplosbaar) / forwarded (doorgezet); withdrawn and merged end it too.
 */
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

export const reporterKinds = ['named', 'anonymous'] as const;
export type ReporterKind = (typeof reporterKinds)[number];

export const ownerKinds = ['organisation', 'department'] as const;
export type OwnerKind = (typeof ownerKinds)[number];

export const obstacleEventKinds = [
  'reported',
  'assigned',
  'status',
  'merged',
  'redacted',
  'hidden',
  'unhidden',
  'withdrawn',
] as const;
export type ObstacleEventKind = (typeof obstacleEventKinds)[number];

/** In which capacity someone acted on an obstacle (shown in its history instead of a name). */
export const obstacleActorRoles = ['reporter', 'owner', 'coordinator', 'system'] as const;
export type ObstacleActorRole = (typeof obstacleActorRoles)[number];

export interface ObstacleOwnersTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: OwnerKind;
  /** The organisation in the directory, when the owner is one. */
  actor_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Policy officers (or coordinators) who answer for an owner. */
export interface ObstacleOwnerMembersTable {
  workspace_id: string;
  owner_id: string;
  user_id: string;
}

export interface ObstaclesTable {
  id: string;
  workspace_id: string;
  category: ObstacleCategory;
  subcategory: ObstacleSubcategory | null;
  severity: ObstacleSeverity;
  title: string;
  description: string;
  what_would_help: string | null;
  initiative_id: string | null;
  reporter_kind: ReporterKind;
  /** Always null for anonymous reports: nothing links them to a person. */
  reporter_user_id: string | null;
  status: ObstacleStatus;
  owner_id: string | null;
  /** YYYY-MM-DD: when the owner's next response is due. */
  due_date: string | null;
  merged_into_id: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
  first_response_at: string | null;
  resolved_at: string | null;
  /** Anonymous reports: truncated to the day (00:00:00.000Z). */
  created_at: string;
  updated_at: string;
}

export interface ObstacleAreasTable {
  workspace_id: string;
  obstacle_id: string;
  area_id: string;
}

export interface ObstacleDomainsTable {
  workspace_id: string;
  obstacle_id: string;
  term_id: string;
}

export interface ObstacleEndorsementsTable {
  id: string;
  workspace_id: string;
  obstacle_id: string;
  user_id: string;
  context: string | null;
  created_at: string;
}

export interface ObstacleEventsTable {
  id: string;
  workspace_id: string;
  obstacle_id: string;
  /** Order within the obstacle's history (1, 2, …): several events can share a timestamp. */
  seq: number;
  kind: ObstacleEventKind;
  /** The status after the event, for status changes. */
  status: ObstacleStatus | null;
  /** Explanation, the redacted field and reason, the merge target: never the removed text. */
  note: string | null;
  actor_role: ObstacleActorRole;
  /** Who acted; null for the reporting of an anonymous obstacle. */
  actor_user_id: string | null;
  created_at: string;
}

export interface ObstacleTables {
  obstacle_owners: ObstacleOwnersTable;
  obstacle_owner_members: ObstacleOwnerMembersTable;
  obstacles: ObstaclesTable;
  obstacle_areas: ObstacleAreasTable;
  obstacle_domains: ObstacleDomainsTable;
  obstacle_endorsements: ObstacleEndorsementsTable;
  obstacle_events: ObstacleEventsTable;
}

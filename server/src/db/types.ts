import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ActorsTable,
  ActorRolesTable,
  AffiliationsTable,
  InitiativesTable,
  InitiativeParticipantsTable,
  ActivitiesTable,
  AchievementsTable,
  AchievementCreditsTable,
  RecordAreasTable,
  RecordTermsTable,
  SearchEntriesTable,
  SearchTokensTable,
  ImportRunsTable,
} from './directory-types.ts';
import type { ObstacleTables } from './obstacle-types.ts';
import type { SupportTables } from './support-types.ts';
import type { FundingTables } from './funding-types.ts';
import type { CheckInTables } from './check-in-types.ts';
import type { TieTables } from './tie-types.ts';
import type { SurveyTables } from './survey-types.ts';
import type { NotificationTables } from './notification-types.ts';
import type { ResearchTables } from './research-types.ts';
import type { ResearchWaveTables } from './research-wave-types.ts';
import type { AllianceTables } from './alliance-types.ts';
import type { OverlapTables } from './overlap-types.ts';

/**
 * Logical schema shared by SQLite and PostgreSQL. Ids are random UUIDs as text; timestamps are
 * ISO 8601 UTC strings (`2026-01-31T12:00:00.000Z`) so both dialects sort and compare alike.
 */

export const roles = ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'] as const;
export type Role = (typeof roles)[number];
export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  gemeentecode: string;
  created_at: string;
  /** Incremented by every write to the directory's read models (see modules/records/version.ts). */
  directory_version: Generated<number>;
  /** Copies of overlap_settings' signals_version and detected_version (migration 0021). */
  signals_version: Generated<number>;
  signals_detected_version: Generated<number | null>;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  language: Language;
  password_hash: string | null;
  password_changed_at: string | null;
  deactivated_at: string | null;
  created_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  language: Language;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  workspace_id: string | null;
  actor_user_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'ok' | 'denied' | 'failed';
  created_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface OutboxEmailsTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ScheduledJobsTable {
  name: string;
  interval_seconds: number;
  next_run_at: string;
  locked_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
}

export const areaLevels = ['gemeente', 'wijk', 'buurt'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export interface AreasTable {
  id: string;
  workspace_id: string;
  code: string;
  level: AreaLevel;
  cbs_year: number;
  name: string;
  parent_code: string | null;
  /** GeoJSON geometry (WGS84) as text. */
  geometry: string | null;
  /** Simplified GeoJSON geometry for maps, as text. */
  display_geometry: string | null;
  population: number | null;
  created_at: string;
  updated_at: string;
}

export interface AreaIndicatorsTable {
  workspace_id: string;
  area_id: string;
  year: number;
  key: string;
  value: number | null;
}

export const taxonomyKinds = ['domain', 'target_group'] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

export interface TaxonomyTermsTable {
  id: string;
  workspace_id: string;
  kind: TaxonomyKind;
  slug: string;
  label_nl: string;
  label_en: string;
  description: string | null;
  position: number;
  archived_at: string | null;
  created_at: string;
}

export * from './directory-types.ts';
export * from './obstacle-types.ts';
export * from './support-types.ts';
export * from './funding-types.ts';
export * from './check-in-types.ts';
export * from './tie-types.ts';
export * from './survey-types.ts';
export * from './notification-types.ts';
export * from './research-types.ts';
export * from './research-wave-types.ts';
export * from './alliance-types.ts';
export * from './overlap-types.ts';

export interface Database
  extends
    ObstacleTables,
    SupportTables,
    FundingTables,
    CheckInTables,
    TieTables,
    SurveyTables,
    NotificationTables,
    AllianceTables,
    OverlapTables,
    ResearchTables,
    ResearchWaveTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  outbox_emails: OutboxEmailsTable;
  scheduled_jobs: ScheduledJobsTable;
  areas: AreasTable;
  area_indicators: AreaIndicatorsTable;
  taxonomy_terms: TaxonomyTermsTable;
  actors: ActorsTable;
  actor_roles: ActorRolesTable;
  affiliations: AffiliationsTable;
  initiatives: InitiativesTable;
  initiative_participants: InitiativeParticipantsTable;
  activities: ActivitiesTable;
  achievements: AchievementsTable;
  achievement_credits: AchievementCreditsTable;
  record_areas: RecordAreasTable;
  record_terms: RecordTermsTable;
  search_entries: SearchEntriesTable;
  search_tokens: SearchTokensTable;
  import_runs: ImportRunsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
export type OutboxEmail = Selectable<OutboxEmailsTable>;
export type Area = Selectable<AreasTable>;
export type TaxonomyTerm = Selectable<TaxonomyTermsTable>;
export type ActorRow = Selectable<ActorsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
export type InitiativeRow = Selectable<InitiativesTable>;
export type AchievementRow = Selectable<AchievementsTable>;
export type UserUpdate = Updateable<UsersTable>;
export type { Generated };

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export const actorKinds = ['person', 'organisation'] as const;
export type ActorKind = (typeof actorKinds)[number];
export const visibilities = ['private', 'workspace', 'public'] as const;
export type Visibility = (typeof visibilities)[number];
export const organisationKinds = [
  'bewonersinitiatief',
  'stichting_vereniging',
  'sociale_onderneming',
  'welzijnsorganisatie',
  'woningcorporatie',
  'zorgaanbieder',
  'gemeentelijke_afdeling',
  'fonds',
  'school',
  'universiteit',
  'bedrijf',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const sizeClasses = ['small', 'large'] as const;
export type SizeClass = (typeof sizeClasses)[number];
/** Yearly budget bands (euro). */
export const budgetBands = ['lt_100k', '100k_1m', '1m_10m', 'gt_10m'] as const;
export type BudgetBand = (typeof budgetBands)[number];
/** Roles a carrier plays; several at once, each with its own period. */
export const carrierRoles = [
  'bewoner',
  'vrijwilliger',
  'initiatiefnemer',
  'sociaal_ondernemer',
  'professional',
  'sleutelfiguur',
  'verbinder',
  'ervaringsdeskundige',
] as const;
export type CarrierRole = (typeof carrierRoles)[number];
export const initiativeStatuses = ['planned', 'active', 'ended'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];
export const participantRoles = ['carrier', 'partner'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const achievementTypes = ['result', 'award', 'press', 'thanks'] as const;
export type AchievementType = (typeof achievementTypes)[number];
/** Records that link to areas and terms and appear in the directory. */
export const recordTypes = ['actor', 'activity', 'initiative'] as const;
export type RecordType = (typeof recordTypes)[number];

export interface ActorsTable {
  id: string;
  workspace_id: string;
  kind: ActorKind;
  name: string;
  /** Persons: what they carry ("wat draagt deze persoon"). */
  carries: string | null;
  bio: string | null;
  org_kind: OrganisationKind | null;
  budget_band: BudgetBand | null;
  staff_count: number | null;
  size_class_override: SizeClass | null;
  /** Organisations: derived from budget band and staff unless overridden; null for persons. */
  size_class: SizeClass | null;
  kvk_number: string | null;
  visibility: Visibility;
  /** A carrier linked to a user account manages their own record. */
  user_id: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** JSON: { channels: ('email'|'phone'|'post'|'in_person')[], note?: string }. */
  contact_preferences: string | null;
  consent_given_at: string | null;
  consent_text_version: string | null;
  consent_recorded_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActorRolesTable {
  id: string;
  workspace_id: string;
  actor_id: string;
  role: CarrierRole;
  start_date: string | null;
  end_date: string | null;
}

export interface AffiliationsTable {
  id: string;
  workspace_id: string;
  person_id: string;
  organisation_id: string;
  role: string;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativesTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  status: InitiativeStatus;
  start_date: string | null;
  end_date: string | null;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativeParticipantsTable {
  workspace_id: string;
  initiative_id: string;
  actor_id: string;
  role: ParticipantRole;
  start_date: string | null;
  end_date: string | null;
}

export interface ActivitiesTable {
  id: string;
  workspace_id: string;
  actor_id: string;
  initiative_id: string | null;
  title: string;
  description: string | null;
  /** Dates are ISO `YYYY-MM-DD`; an open end means ongoing. */
  start_date: string;
  end_date: string | null;
  hours_per_week: number | null;
  created_at: string;
  updated_at: string;
}

export interface AchievementsTable {
  id: string;
  workspace_id: string;
  initiative_id: string | null;
  type: AchievementType;
  title: string;
  description: string | null;
  occurred_on: string;
  /** Results: what shows it (a link, a report, a count). */
  evidence: string | null;
  /** Recognitions: who gave it (jury, newspaper, residents). */
  source: string | null;
  created_at: string;
  updated_at: string;
}

export interface AchievementCreditsTable {
  workspace_id: string;
  achievement_id: string;
  actor_id: string;
}

export interface RecordAreasTable {
  workspace_id: string;
  record_type: RecordType;
  record_id: string;
  area_id: string;
}

export interface RecordTermsTable {
  workspace_id: string;
  record_type: RecordType;
  record_id: string;
  term_id: string;
}

export interface SearchEntriesTable {
  workspace_id: string;
  record_type: RecordType;
  record_id: string;
  title: string;
  summary: string | null;
  sort_key: string;
  /** Effective visibility (an activity takes its actor's). */
  visibility: Visibility;
  /** The linked user of a private carrier sees their own record. */
  owner_user_id: string | null;
  /** The actor itself, or the actor doing the activity. */
  actor_id: string | null;
  actor_kind: ActorKind | null;
  org_kind: OrganisationKind | null;
  size_class: SizeClass | null;
  start_date: string | null;
  end_date: string | null;
}

export interface SearchTokensTable {
  workspace_id: string;
  token: string;
  record_type: RecordType;
  record_id: string;
}

export interface ImportRunsTable {
  id: string;
  workspace_id: string;
  kind: 'areas' | 'indicators' | 'actors';
  status: 'running' | 'succeeded' | 'failed';
  total: number | null;
  done: number;
  /** JSON: the import report, or the problem when it failed. */
  report: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Database {
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

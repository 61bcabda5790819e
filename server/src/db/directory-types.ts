// The directory's tables (issue 3): carriers and organisations, activities, initiatives and their
// achievements, links of records to areas and terms, the search index and import runs.

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

/**
 * Shapes of the actors API (carriers and organisations) as the web app reads them; they mirror
 * `server/src/modules/actors/schema.ts`.
 */

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

export const budgetBands = ['lt_100k', '100k_1m', '1m_10m', 'gt_10m'] as const;
export type BudgetBand = (typeof budgetBands)[number];

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

export const contactChannels = ['email', 'phone', 'post', 'in_person'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const includes = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export interface ActorSummary {
  id: string;
  kind: ActorKind;
  name: string;
  carries: string | null;
  orgKind: OrganisationKind | null;
  sizeClass: SizeClass | null;
  visibility: Visibility;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
}

export interface ActorRolePeriod {
  role: CarrierRole;
  startDate: string | null;
  endDate: string | null;
}

export interface ActorRole extends ActorRolePeriod {
  id: string;
}

export interface Affiliation {
  id: string;
  personId: string;
  personName: string;
  organisationId: string;
  organisationName: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
}

export interface Consent {
  givenOn: string;
  /** "self-managed" when the carrier keeps their own record. */
  textVersion: string;
}

/** The text version the server records when a carrier manages their own record. */
export const SELF_MANAGED = 'self-managed';

export interface ContactPreferences {
  channels: ContactChannel[];
  note?: string | null;
}

export interface ActorDetail extends ActorSummary {
  bio: string | null;
  roles: ActorRole[];
  affiliations: Affiliation[];
  /** Linked to a user account: the carrier keeps the record up to date. */
  selfManaged: boolean;
  /** The linked account; only for coordinators and the carrier themself, null otherwise. */
  userId: string | null;
  /** Recorded consent: absent unless the viewer is a coordinator or the carrier; null when none. */
  consent?: (Consent & { recordedBy: string | null }) | null;
  budgetBand: BudgetBand | null;
  staffCount: number | null;
  sizeClassOverride: SizeClass | null;
  kvkNumber: string | null;
  website: string | null;
  /** Contact details: only for managers and the carrier themself. */
  email?: string | null;
  phone?: string | null;
  contactPreferences?: ContactPreferences | null;
  createdAt: string;
  updatedAt: string;
}

export const trackRecordKinds = ['activity', 'initiative', 'achievement', 'affiliation'] as const;
export type TrackRecordKind = (typeof trackRecordKinds)[number];

export interface TrackRecordItem {
  kind: TrackRecordKind;
  id: string;
  /** For an affiliation: the other party. */
  title: string;
  /** Initiatives: carrier or partner; affiliations: the role. */
  role: string | null;
  /** Achievements: result, award, press or thanks. */
  type: 'result' | 'award' | 'press' | 'thanks' | null;
  /** Initiatives: planned, active or ended. */
  status: 'planned' | 'active' | 'ended' | null;
  /** Achievements: the day it happened; null when undated (listed last). */
  startDate: string | null;
  endDate: string | null;
  initiativeId: string | null;
  initiativeName: string | null;
  /** Affiliations: the other person or organisation. */
  relatedActorId: string | null;
}

/** Request bodies. */
export interface PersonInput {
  kind: 'person';
  name: string;
  carries?: string | null;
  bio?: string | null;
  roles: ActorRolePeriod[];
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  contactPreferences?: ContactPreferences | null;
  email?: string | null;
  phone?: string | null;
  visibility?: Visibility;
  consent?: Consent;
}

export interface OrganisationInput {
  kind: 'organisation';
  name: string;
  orgKind: OrganisationKind;
  budgetBand?: BudgetBand | null;
  staffCount?: number | null;
  sizeClassOverride?: SizeClass | null;
  kvkNumber?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  bio?: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  visibility?: Visibility;
}

export type ActorInput = PersonInput | OrganisationInput;

/** POST W/actors/:actorId/affiliations: the other party is of the other kind. */
export interface AffiliationInput {
  counterpartId: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
}

/** PATCH W/affiliations/:affiliationId: null clears a date (an open end: it continues). */
export type AffiliationChanges = Omit<AffiliationInput, 'counterpartId'>;

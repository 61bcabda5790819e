import type { ColumnType } from 'kysely';
import type { Visibility } from './directory-types.ts';

// Alliances (bondgenootschappen, issue 5): carriers and small and large organisations that
// cooperate rather than compete, with their seats and votes, a versioned charter, what each
// member contributes and a log of meetings and decisions. English column values; the UI shows
// the Dutch terms. The balance index (analytics/balance) is computed from these tables.

/** verkennend, actief, gepauzeerd, beëindigd. */
export const allianceStatuses = ['exploring', 'active', 'paused', 'ended'] as const;
export type AllianceStatus = (typeof allianceStatuses)[number];

/** consensus, meerderheid, gekwalificeerde meerderheid, de trekker beslist. */
export const allianceDecisionRules = [
  'consensus',
  'majority',
  'qualified_majority',
  'lead_decides',
] as const;
export type AllianceDecisionRule = (typeof allianceDecisionRules)[number];

/** trekker, lid, ondersteuner. */
export const allianceMemberRoles = ['lead', 'member', 'supporter'] as const;
export type AllianceMemberRole = (typeof allianceMemberRoles)[number];

/**
 * geld, uren, ruimte, in natura. The quantity's unit follows the kind: money in euro cents (equal
 * to the value), hours in whole hours, space in dagdelen (half-day blocks of a room), in kind in
 * items (units of whatever is given).
 */
export const allianceContributionKinds = ['money', 'hours', 'space', 'in_kind'] as const;
export type AllianceContributionKind = (typeof allianceContributionKinds)[number];

/** overleg, besluit. */
export const allianceLogKinds = ['meeting', 'decision'] as const;
export type AllianceLogKind = (typeof allianceLogKinds)[number];

/** bigint: PostgreSQL returns it as a string, SQLite as a number; read it with Number(). */
type BigCents = ColumnType<string | number, number, number>;

export interface AlliancesTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  status: AllianceStatus;
  decision_rule: AllianceDecisionRule;
  /** The overlap signal the alliance was formed from; signals have no table yet (no key). */
  signal_id: string | null;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AllianceMembersTable {
  id: string;
  workspace_id: string;
  alliance_id: string;
  /** A carrier (person) or an organisation; small or large by the actor's size class. */
  actor_id: string;
  role: AllianceMemberRole;
  seats: number;
  votes: number;
  start_date: string;
  /** null: still a member. */
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

/** A charter version: never updated in place; the highest version is the current one. */
export interface AllianceAgreementsTable {
  id: string;
  workspace_id: string;
  alliance_id: string;
  version: number;
  aims: string;
  charter: string;
  created_by: string | null;
  created_at: string;
}

export interface AllianceAgreementAreasTable {
  workspace_id: string;
  agreement_id: string;
  area_id: string;
}

export interface AllianceAgreementDomainsTable {
  workspace_id: string;
  agreement_id: string;
  term_id: string;
}

export interface AllianceContributionsTable {
  id: string;
  workspace_id: string;
  alliance_id: string;
  member_id: string;
  /** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
  period: string;
  kind: AllianceContributionKind;
  /** In the kind's unit (see allianceContributionKinds). */
  quantity: BigCents;
  value_cents: BigCents;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AllianceLogTable {
  id: string;
  workspace_id: string;
  alliance_id: string;
  date: string;
  kind: AllianceLogKind;
  title: string;
  body: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AllianceTables {
  alliances: AlliancesTable;
  alliance_members: AllianceMembersTable;
  alliance_agreements: AllianceAgreementsTable;
  alliance_agreement_areas: AllianceAgreementAreasTable;
  alliance_agreement_domains: AllianceAgreementDomainsTable;
  alliance_contributions: AllianceContributionsTable;
  alliance_log: AllianceLogTable;
}

import type { ColumnType } from 'kysely';
import type { Visibility } from './directory-types.ts';

// Funding flows (geldstromen, issue 6): who funds whom, how much, for how long, through which
// instrument, and what accounting for it costs the recipient. Money is integer euro cents, never
// a float.

/**
 * Funding instruments (financieringsinstrumenten): projectsubsidie, structurele of
 * kernfinanciering, in natura, aanbesteding, budget of voucher, Right to Challenge.
 */
export const fundingInstruments = [
  'project_grant',
  'core_funding',
  'in_kind',
  'procurement',
  'budget_voucher',
  'right_to_challenge',
] as const;
export type FundingInstrument = (typeof fundingInstruments)[number];

/** What receives the money: a carrier or organisation, an initiative or an alliance. */
export const fundingRecipientTypes = ['actor', 'initiative', 'alliance'] as const;
export type FundingRecipientType = (typeof fundingRecipientTypes)[number];

export interface FundingFlowsTable {
  id: string;
  workspace_id: string;
  /** The funder: an organisation of the workspace (gemeente, fonds, corporatie). */
  funder_id: string;
  recipient_type: FundingRecipientType;
  /** Set when recipient_type is actor. */
  recipient_actor_id: string | null;
  /** Set when recipient_type is initiative. */
  recipient_initiative_id: string | null;
  /** Set when recipient_type is alliance (bondgenootschap; keyed since migration 0019). */
  recipient_alliance_id: string | null;
  /** The initiative the money is for (the recipient itself when that is an initiative). */
  initiative_id: string | null;
  title: string | null;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number; read it with Number(). */
  amount_cents: ColumnType<string | number, number, number>;
  start_date: string;
  end_date: string;
  instrument: FundingInstrument;
  /** Accountability burden: hours of reporting over the whole period, and the number of reports. */
  reporting_hours: number;
  report_count: number;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FundingFlowAreasTable {
  workspace_id: string;
  flow_id: string;
  area_id: string;
}

export interface FundingFlowDomainsTable {
  workspace_id: string;
  flow_id: string;
  term_id: string;
}

export interface FundingTables {
  funding_flows: FundingFlowsTable;
  funding_flow_areas: FundingFlowAreasTable;
  funding_flow_domains: FundingFlowDomainsTable;
}

import type { SupportType, Urgency } from '../analytics/support/matching-types.ts';
import type { Visibility } from './directory-types.ts';

// Durable support (issue 6): offers (steunaanbod) of institutions, needs (hulpvragen) of carriers
// and small organisations, proposed matches and the commitments (toezeggingen) they become.
// Amounts are integers per month in the unit of the type: euro cents for money, whole hours for
// staff hours and coaching, whole units the offer defines otherwise. Never floats.

/** The support types of analytics/support (geld, ruimte, uren, coaching, backoffice, materiaal, netwerk). */
export const supportTypes = [
  'money',
  'space',
  'staff_hours',
  'coaching',
  'backoffice',
  'material',
  'network',
] as const satisfies readonly SupportType[];
export type { SupportType, Urgency };
export const urgencies = ['low', 'normal', 'high'] as const satisfies readonly Urgency[];

export const needStatuses = ['open', 'closed'] as const;
export type NeedStatus = (typeof needStatuses)[number];

/** How a commitment may continue after its end date. */
export const renewalTerms = ['none', 'on_request', 'automatic'] as const;
export type RenewalTerm = (typeof renewalTerms)[number];

/** proposed → committed (both sides accepted) or declined (either side). */
export const matchStatuses = ['proposed', 'committed', 'declined'] as const;
export type MatchStatus = (typeof matchStatuses)[number];

/** What a commitment goes to: a carrier or organisation, an initiative or an alliance. */
export const commitmentRecipientTypes = ['actor', 'initiative', 'alliance'] as const;
export type CommitmentRecipientType = (typeof commitmentRecipientTypes)[number];

export const commitmentStatuses = ['active', 'ended', 'cancelled'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export interface SupportOffersTable {
  id: string;
  workspace_id: string;
  /** The institution: an organisation actor of the workspace. */
  provider_id: string;
  type: SupportType;
  title: string;
  /** Integer per month in the type's unit (cents for money). */
  capacity_per_month: number;
  start_date: string;
  /** YYYY-MM-DD; null while open-ended. Multi-year periods are allowed. */
  end_date: string | null;
  conditions: string | null;
  /** 1 when carriers (persons) may receive it, 0 for organisations only. */
  persons_eligible: number;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Eligible areas of an offer (none: everywhere). */
export interface SupportOfferAreasTable {
  workspace_id: string;
  offer_id: string;
  area_id: string;
}

/** Eligible domains and target groups of an offer (none of a kind: any). */
export interface SupportOfferTermsTable {
  workspace_id: string;
  offer_id: string;
  term_id: string;
}

export interface SupportNeedsTable {
  id: string;
  workspace_id: string;
  /** A carrier (person) or a small organisation of the workspace. */
  requester_id: string;
  type: SupportType;
  description: string;
  /** Integer per month in the type's unit (cents for money). */
  amount_per_month: number;
  start_date: string;
  end_date: string | null;
  urgency: Urgency;
  /** The one area the need is in (the matching compares it with the offer's areas). */
  area_id: string;
  status: NeedStatus;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Domains and target groups of a need. */
export interface SupportNeedTermsTable {
  workspace_id: string;
  need_id: string;
  term_id: string;
}

export interface SupportMatchesTable {
  id: string;
  workspace_id: string;
  offer_id: string;
  need_id: string;
  amount_per_month: number;
  start_date: string;
  end_date: string | null;
  renewal: RenewalTerm;
  renewal_note: string | null;
  status: MatchStatus;
  proposed_by: string | null;
  provider_accepted_at: string | null;
  provider_accepted_by: string | null;
  recipient_accepted_at: string | null;
  recipient_accepted_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupportCommitmentsTable {
  id: string;
  workspace_id: string;
  /** The accepted match it came from (null for commitments recorded otherwise). */
  match_id: string | null;
  offer_id: string;
  need_id: string | null;
  provider_id: string;
  /** actor (recipient_id), initiative or alliance (0019); mirrors funding flows. */
  recipient_type: CommitmentRecipientType;
  /** The receiving carrier or organisation; null when the recipient is an initiative or alliance. */
  recipient_id: string | null;
  recipient_initiative_id: string | null;
  recipient_alliance_id: string | null;
  type: SupportType;
  amount_per_month: number;
  start_date: string;
  end_date: string | null;
  renewal: RenewalTerm;
  renewal_note: string | null;
  /** The commitment this one continues (durability counts renewals). */
  renewed_from_id: string | null;
  status: CommitmentStatus;
  /** When it was ended early or cancelled (null: runs to its end date). */
  ended_at: string | null;
  /** Why it was ended early or cancelled. */
  end_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** 90 or 30 days before the end: mailed (sent) or skipped because a nearer one was due. */
export const reminderOutcomes = ['sent', 'superseded'] as const;
export type ReminderOutcome = (typeof reminderOutcomes)[number];

/** End-of-term reminders already handled, one per commitment and offset. */
export interface SupportCommitmentRemindersTable {
  workspace_id: string;
  commitment_id: string;
  offset_days: number;
  outcome: ReminderOutcome;
  created_at: string;
}

/** What was delivered (or checked in as received) against a commitment, on a day. */
export interface SupportDeliveriesTable {
  id: string;
  workspace_id: string;
  commitment_id: string;
  delivered_on: string;
  /** Integer in the commitment type's unit (cents for money). */
  amount: number;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface SupportTables {
  support_offers: SupportOffersTable;
  support_offer_areas: SupportOfferAreasTable;
  support_offer_terms: SupportOfferTermsTable;
  support_needs: SupportNeedsTable;
  support_need_terms: SupportNeedTermsTable;
  support_matches: SupportMatchesTable;
  support_commitments: SupportCommitmentsTable;
  support_commitment_reminders: SupportCommitmentRemindersTable;
  support_deliveries: SupportDeliveriesTable;
}

// Shapes of the durable-support API (server/src/modules/support/schema.ts, match-schema.ts,
// lifecycle-schema.ts, delivery-schema.ts). Amounts are whole numbers per month in the unit of
// the type: euro cents for money, hours for staff hours and coaching, units otherwise.

export const supportTypes = [
  'money',
  'space',
  'staff_hours',
  'coaching',
  'backoffice',
  'material',
  'network',
] as const;
export type SupportType = (typeof supportTypes)[number];
export type Unit = 'cents' | 'hours' | 'units';
export const urgencies = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof urgencies)[number];
export const visibilities = ['private', 'workspace', 'public'] as const;
export type Visibility = (typeof visibilities)[number];
export const renewalTerms = ['none', 'on_request', 'automatic'] as const;
export type RenewalTerm = (typeof renewalTerms)[number];
export type MatchStatus = 'proposed' | 'committed' | 'declined';
export type CommitmentStatus = 'active' | 'ended' | 'cancelled';
export type Side = 'provider' | 'recipient';

export const unitOf = (type: SupportType): Unit =>
  type === 'money' ? 'cents' : type === 'staff_hours' || type === 'coaching' ? 'hours' : 'units';

export interface Offer {
  id: string;
  providerId: string;
  providerName: string;
  type: SupportType;
  unit: Unit;
  title: string;
  capacityPerMonth: number;
  startDate: string;
  endDate: string | null;
  conditions: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  personsEligible: boolean;
  visibility: Visibility;
  canEdit: boolean;
}

export interface OfferInput {
  providerId?: string;
  type?: SupportType;
  title: string;
  capacityPerMonth: number;
  startDate: string;
  endDate: string | null;
  conditions: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  personsEligible: boolean;
  visibility: Visibility;
}

export interface Need {
  id: string;
  requesterId: string;
  requesterName: string;
  requesterKind: 'person' | 'organisation';
  type: SupportType;
  unit: Unit;
  description: string;
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  urgency: Urgency;
  areaId: string;
  domainIds: string[];
  targetGroupIds: string[];
  status: 'open' | 'closed';
  visibility: Visibility;
  canEdit: boolean;
}

export interface NeedInput {
  requesterId?: string;
  type?: SupportType;
  description: string;
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  urgency: Urgency;
  areaId: string;
  domainIds: string[];
  targetGroupIds: string[];
  visibility: Visibility;
}

export const reasonCodes = [
  'CAPACITY_COVERAGE',
  'PERIOD_COVERAGE',
  'AREA_FIT',
  'DOMAIN_FIT',
  'TARGET_GROUP_FIT',
  'URGENCY',
  'TRUST',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface Suggestion {
  score: number;
  reasons: { code: ReasonCode; value: number; weight: number; points: number }[];
  facts: {
    requestedPerMonth: number;
    remainingPerMonth: number;
    overlapDays: number;
    needDays: number;
    areaRelation: 'same' | 'need_inside_offer' | 'offer_inside_need' | 'anywhere';
    sharedDomains: number;
    sharedTargetGroups: number;
    trust: number;
  };
}

export interface Suggestions<T> {
  items: T[];
  trustKnown: boolean;
}

export interface Match {
  id: string;
  offerId: string;
  needId: string;
  providerId: string;
  recipientId: string;
  type: SupportType;
  unit: Unit;
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  renewal: RenewalTerm;
  renewalNote: string | null;
  status: MatchStatus;
  providerAcceptedAt: string | null;
  recipientAcceptedAt: string | null;
  commitmentId: string | null;
  canAcceptFor: Side[];
}

/** What a commitment goes to: a carrier or organisation, an initiative or an alliance. */
export const commitmentRecipientTypes = ['actor', 'initiative', 'alliance'] as const;
export type CommitmentRecipientType = (typeof commitmentRecipientTypes)[number];

export interface Commitment {
  id: string;
  matchId: string | null;
  offerId: string;
  needId: string | null;
  providerId: string;
  providerName: string;
  recipientType: CommitmentRecipientType;
  /** The receiving actor; null when the recipient is an initiative or an alliance. */
  recipientId: string | null;
  recipientInitiativeId: string | null;
  recipientAllianceId: string | null;
  recipientName: string;
  type: SupportType;
  unit: Unit;
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  renewal: RenewalTerm;
  renewalNote: string | null;
  renewedFromId: string | null;
  status: CommitmentStatus;
  endedAt: string | null;
  endReason: string | null;
}

export interface Delivery {
  id: string;
  commitmentId: string;
  deliveredOn: string;
  amount: number;
  note: string | null;
  createdAt: string;
}

export interface CommitmentInput {
  offerId: string;
  recipientType: CommitmentRecipientType;
  recipientId?: string;
  recipientInitiativeId?: string;
  recipientAllianceId?: string;
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  renewal: RenewalTerm;
  renewalNote: string | null;
}

export interface Durability {
  recipientType: CommitmentRecipientType;
  recipientId: string;
  asOf: string;
  commitments: number;
  totalSupportedDays: number;
  renewals: number;
  longestContinuousDays: number;
  continuity: { ended: number; kept: number; share: number | null };
}

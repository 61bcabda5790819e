// Alliances (bondgenootschappen, issue 5), as the API gives them
// (server/src/modules/alliances/schema.ts and balance-schema.ts).

export const allianceStatuses = ['exploring', 'active', 'paused', 'ended'] as const;
export type AllianceStatus = (typeof allianceStatuses)[number];
export const decisionRules = [
  'consensus',
  'majority',
  'qualified_majority',
  'lead_decides',
] as const;
export type DecisionRule = (typeof decisionRules)[number];
export const memberRoles = ['lead', 'member', 'supporter'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const contributionKinds = ['money', 'hours', 'space', 'in_kind'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
export type PartyKind = 'person' | 'small' | 'large';

export interface Alliance {
  id: string;
  name: string;
  description: string | null;
  status: AllianceStatus;
  decisionRule: DecisionRule;
  signalId: string | null;
  visibility: 'private' | 'workspace' | 'public';
  memberCount: number;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  id: string;
  actorId: string;
  actorName: string | null;
  actorKind: PartyKind;
  role: MemberRole;
  seats: number;
  votes: number;
  startDate: string;
  endDate: string | null;
  current: boolean;
}

export interface Agreement {
  id: string;
  version: number;
  aims: string;
  charter: string;
  areaIds: string[];
  domainIds: string[];
  createdBy: string | null;
  createdAt: string;
}

export interface Contribution {
  id: string;
  memberId: string;
  actorId: string;
  period: string;
  kind: ContributionKind;
  quantity: number;
  unit: 'cents' | 'hours' | 'dagdelen' | 'items';
  valueCents: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  canDelete: boolean;
}

export interface LogEntry {
  id: string;
  date: string;
  kind: 'meeting' | 'decision';
  title: string;
  body: string | null;
  createdBy: string | null;
  createdAt: string;
}

export const balanceReasonCodes = [
  'index-below-threshold',
  'single-majority',
  'seats-underrepresented',
  'votes-underrepresented',
  'votes-concentrated',
  'contributions-concentrated',
  'perceived-power-disparity',
] as const;
export type BalanceReasonCode = (typeof balanceReasonCodes)[number];

export interface BalanceReason {
  code: BalanceReasonCode;
  value: number;
  limit: number;
  memberId?: string;
}

export interface BalanceSummary {
  index: number | null;
  unbalanced: boolean;
  reasons: BalanceReason[];
}

type Score = number | null;
export interface BalanceParts {
  representation: {
    score: Score;
    weight: number;
    memberShare: number;
    seatShare: Score;
    voteShare: Score;
    seatRatio: Score;
    voteRatio: Score;
  };
  voteConcentration: { score: Score; weight: number; hhi: Score; gini: Score };
  contributionConcentration: {
    score: Score;
    weight: number;
    hhi: Score;
    gini: Score;
    totalCents: number;
  };
  majority: { score: Score; weight: number; memberId: string | null; share: Score };
  perceivedPower: {
    score: Score;
    weight: number;
    meanSmall: Score;
    meanLarge: Score;
    disparity: Score;
  };
}

export interface Balance extends BalanceSummary {
  allianceId: string;
  asOf: string;
  threshold: number;
  granularity: 'year' | 'quarter' | 'month' | null;
  perceivedPowerAvailable: boolean;
  parts: BalanceParts;
  members: {
    memberId: string;
    actorId: string;
    actorName: string | null;
    kind: PartyKind;
    role: MemberRole;
    seats: number;
    votes: number;
    contributionCents: number;
  }[];
  trend: (BalanceSummary & { period: string; parts: BalanceParts })[];
}

export interface AllianceDetail extends Alliance {
  canContribute: boolean;
  members: Member[];
  currentAgreement: Agreement | null;
  contributionTotals: {
    valueCents: number;
    byKind: { kind: ContributionKind; quantity: number; valueCents: number }[];
    byMember: { memberId: string; valueCents: number }[];
  };
  balance: BalanceSummary;
}

export interface MemberInput {
  actorId: string;
  role: MemberRole;
  seats: number;
  votes: number;
  startDate: string;
  endDate?: string | null;
}

export interface AllianceInput {
  name: string;
  description?: string | null;
  status?: AllianceStatus;
  decisionRule: DecisionRule;
  signalId?: string | null;
  members?: MemberInput[];
}

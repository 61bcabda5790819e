// Shapes of the funding API (server/src/modules/funding/schema.ts). Money is whole euro cents:
// numbers on flows, decimal strings on the dashboard's totals.

export const fundingInstruments = [
  'project_grant',
  'core_funding',
  'in_kind',
  'procurement',
  'budget_voucher',
  'right_to_challenge',
] as const;
export type FundingInstrument = (typeof fundingInstruments)[number];
export type RecipientKind = 'person' | 'small' | 'large' | 'initiative' | 'alliance';
export type Visibility = 'private' | 'workspace' | 'public';

export interface Flow {
  id: string;
  funderId: string;
  funderName: string | null;
  recipientType: 'actor' | 'initiative' | 'alliance';
  recipientId: string;
  recipientName: string | null;
  recipientKind: RecipientKind;
  initiativeId: string | null;
  initiativeName: string | null;
  title: string | null;
  amountCents: number;
  startDate: string;
  endDate: string;
  durationDays: number;
  instrument: FundingInstrument;
  reportingHours: number;
  reports: number;
  areaIds: string[];
  domainIds: string[];
  visibility: Visibility;
  canEdit: boolean;
}

export interface FlowInput {
  funderId: string;
  recipientType: 'actor' | 'initiative' | 'alliance';
  recipientId: string;
  title: string | null;
  amountCents: number;
  startDate: string;
  endDate: string;
  instrument: FundingInstrument;
  reportingHours: number;
  reports: number;
  areaIds: string[];
  visibility: Visibility;
}

interface Suppression {
  suppressed: boolean;
  reason: 'primary' | 'secondary' | null;
}

interface PerEuro {
  hoursPer1000Euro: number | null;
  reportsPer10000Euro: number | null;
}

export interface InstrumentCell extends Suppression, PerEuro {
  instrument: FundingInstrument;
  recipients: number | null;
  flows: number | null;
  cents: string | null;
  share: number | null;
  medianDurationDays: number | null;
}

export interface KindCell extends Suppression {
  kind: RecipientKind;
  recipients: number | null;
  flows: number | null;
  cents: string | null;
  share: number | null;
}

export interface FundingDashboard extends PerEuro {
  threshold: number;
  areaId: string | null;
  suppressed: boolean;
  recipients: number | null;
  flows: number | null;
  totalCents: string | null;
  shareToCarriers: number | null;
  shareCore: number | null;
  shareProject: number | null;
  medianDurationDays: number | null;
  reportingHours: number | null;
  reports: number | null;
  byInstrument: InstrumentCell[];
  byRecipientKind: KindCell[];
  fragmentation: {
    meanInstruments: number | null;
    distribution: ({ instruments: number; recipients: number | null } & Suppression)[];
  };
}

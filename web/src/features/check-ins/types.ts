// Shapes of the check-in API (server/src/modules/check-ins/schema.ts). Dates are ISO days.

export const scoreKeys = ['workload', 'energy', 'supportFelt'] as const;
export type ScoreKey = (typeof scoreKeys)[number];
export const scoreValues = [1, 2, 3, 4, 5] as const;

export const reminderIntervals = ['none', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type ReminderInterval = (typeof reminderIntervals)[number];

export const periodKinds = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** How far back a check-in may be dated (the server refuses older dates). */
export const BACKDATE_DAYS = 30;

export interface CheckIn {
  id: string;
  date: string;
  workload: number;
  energy: number;
  supportFelt: number;
  developmentWishes: string | null;
  note: string | null;
  createdAt: string;
}

export interface SharedCheckIn extends CheckIn {
  ownerUserId: string;
  carrierName: string;
}

export interface CheckInInput {
  date: string;
  workload: number;
  energy: number;
  supportFelt: number;
  developmentWishes: string | null;
  note: string | null;
}

export interface CheckInSettings {
  reminderInterval: ReminderInterval;
  language: 'nl' | 'en';
  lastCheckInOn: string | null;
  nextReminderOn: string | null;
}

export interface CheckInShare {
  userId: string;
  displayName: string;
  sharedAt: string;
}

export interface Measure {
  mean: number | null;
  distribution: number[] | null;
  distributionSuppressed: boolean;
}

export interface AggregatePeriod {
  period: string;
  suppressed: boolean;
  carriers: number | null;
  measures: Record<ScoreKey, Measure>;
}

export interface CheckInAggregates {
  threshold: number;
  period: PeriodKind;
  publishedThrough: string;
  periods: AggregatePeriod[];
}

import type { Language } from './types.ts';

// Check-ins of carriers ("behapbaar en betekenisvol", issue 6): a short periodic self check-in,
// private to its author and the members they share it with; coordinators see aggregates only.

/** How often a carrier wants to be reminded after their last check-in (none: never). */
export const checkInIntervals = ['none', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type CheckInInterval = (typeof checkInIntervals)[number];

export interface CheckInsTable {
  id: string;
  workspace_id: string;
  /** The author's carrier record when filed (counts the carrier once in the aggregates). */
  carrier_id: string;
  /** The author: the only account that reads it, besides those it is shared with. */
  user_id: string;
  /** The day the check-in is about, YYYY-MM-DD, not in the future. */
  check_in_date: string;
  /** Scores, integers 1–5. */
  workload: number;
  energy: number;
  support_felt: number;
  development_wishes: string | null;
  /** Free text. Never logged, audited or mailed. */
  note: string | null;
  created_at: string;
}

export interface CheckInSharesTable {
  workspace_id: string;
  owner_user_id: string;
  reader_user_id: string;
  created_at: string;
}

export interface CheckInSettingsTable {
  workspace_id: string;
  user_id: string;
  reminder_interval: CheckInInterval;
  language: Language;
  /** The day the interval was last set: reminders count from it or the last check-in, whichever is later. */
  interval_set_on: string;
  updated_at: string;
}

export interface CheckInRemindersTable {
  workspace_id: string;
  user_id: string;
  due_date: string;
  created_at: string;
}

export interface CheckInTables {
  check_ins: CheckInsTable;
  check_in_shares: CheckInSharesTable;
  check_in_settings: CheckInSettingsTable;
  check_in_reminders: CheckInRemindersTable;
}

import { dayNumber, isoDay } from '../../analytics/support/dates.ts';
import type { PeriodKind } from '../../analytics/privacy/index.ts';
import type { CheckInInterval } from '../../db/types.ts';

// Calendar rules of check-ins, pure: when a reminder is due, and which periods the aggregates
// may publish. Dates are ISO calendar days (UTC), as everywhere in the server.

const DAYS: Partial<Record<CheckInInterval, number>> = { weekly: 7, biweekly: 14 };
const MONTHS: Partial<Record<CheckInInterval, number>> = { monthly: 1, quarterly: 3 };

export const addDays = (date: string, days: number) => isoDay(dayNumber(date) + days);

/** `date` plus `months` calendar months; a day the month lacks becomes its last (01-31 → 02-28). */
export function addMonths(date: string, months: number): string {
  dayNumber(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The k-th due date after `anchor` (k ≥ 1), counted from the anchor so months never drift. */
export function dueDate(anchor: string, interval: CheckInInterval, k: number): string | null {
  const days = DAYS[interval];
  if (days) return addDays(anchor, days * k);
  const months = MONTHS[interval];
  return months ? addMonths(anchor, months * k) : null;
}

/**
 * The latest due date on or before `today`: reminders fall due every interval after the anchor
 * (the last check-in, or the day the interval was set when that is later). Null when none is due
 * yet or the interval is `none`. Only the latest is sent: days the job missed are not made up.
 */
export function latestDue(anchor: string, interval: CheckInInterval, today: string): string | null {
  if (interval === 'none' || today <= anchor) return null;
  const days = DAYS[interval];
  let k: number;
  if (days) k = Math.floor((dayNumber(today) - dayNumber(anchor)) / days);
  else {
    const months = MONTHS[interval]!;
    const span =
      (Number(today.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 +
      Number(today.slice(5, 7)) -
      Number(anchor.slice(5, 7));
    k = Math.floor(span / months) + 1;
    while (k > 0 && dueDate(anchor, interval, k)! > today) k--;
  }
  return k >= 1 ? dueDate(anchor, interval, k) : null;
}

/** The first due date after `today` (what the settings page shows as the next reminder). */
export function nextDue(anchor: string, interval: CheckInInterval, today: string): string | null {
  if (interval === 'none') return null;
  const latest = latestDue(anchor, interval, today);
  if (latest === null) return dueDate(anchor, interval, 1);
  let k = 1;
  while (dueDate(anchor, interval, k)! <= latest) k++;
  return dueDate(anchor, interval, k);
}

/** The first day of the period (month, quarter or year) holding `date`. */
export function periodStart(date: string, kind: PeriodKind): string {
  dayNumber(date);
  const y = date.slice(0, 4);
  if (kind === 'year') return `${y}-01-01`;
  const m = Number(date.slice(5, 7));
  const first = kind === 'quarter' ? 3 * Math.floor((m - 1) / 3) + 1 : m;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/**
 * The last day of the latest period that no check-in can still enter: a check-in may be dated up
 * to `backdateDays` before the day it is filed, so a period is final once its last day is more
 * than that many days ago. Publishing only final periods means a published figure never changes
 * when someone files late, which would otherwise let a reader subtract two figures and find one
 * carrier's scores.
 */
export function publishedThrough(today: string, kind: PeriodKind, backdateDays: number): string {
  const cutoff = addDays(today, -(backdateDays + 1));
  const next = addDays(cutoff, 1);
  return periodStart(next, kind) === next ? cutoff : addDays(periodStart(cutoff, kind), -1);
}

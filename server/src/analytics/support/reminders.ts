/**
 * Reminders before a commitment ends: 90 and 30 days before its end date. Pure, with the clock
 * date as input, so the job runner and the tests share it.
 *
 * A reminder with offset k is due on `end − k` days. On clock date `today` a reminder is
 * returned when it is due (`end − k ≤ today`), the commitment has not ended (`today ≤ end`) and
 * it was not sent yet. When the clock passed both dates at once (for instance the job did not run
 * for two months, or the commitment was created 20 days before its end), only the nearest one
 * (30) is `due`; the earlier one (90) is returned as `superseded`, so the caller marks it sent
 * without mailing the carrier twice; once the 30-day
 * reminder is sent, an unsent 90-day one is only ever `superseded`. Open-ended commitments have no reminders.
 */
import { dayNumber, isoDay } from './dates.ts';

export const REMINDER_OFFSETS = [90, 30] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

export interface Reminder {
  offsetDays: ReminderOffset;
  /** ISO date on which the reminder became due. */
  dueOn: string;
}

export interface ReminderCheck {
  due: Reminder[];
  superseded: Reminder[];
}

export function remindersDue(
  end: string | null,
  today: string,
  sent: readonly ReminderOffset[] = [],
): ReminderCheck {
  const result: ReminderCheck = { due: [], superseded: [] };
  if (end === null) return result;
  const endDay = dayNumber(end);
  const day = dayNumber(today);
  if (day > endDay) return result;
  const reached = REMINDER_OFFSETS.filter((k) => endDay - k <= day).map((k): Reminder => ({
    offsetDays: k,
    dueOn: isoDay(endDay - k),
  }));
  // Offsets are in descending order, so the last reached one is the nearest to the end.
  const nearest = reached.pop();
  if (nearest && !sent.includes(nearest.offsetDays)) result.due.push(nearest);
  result.superseded.push(...reached.filter((r) => !sent.includes(r.offsetDays)));
  return result;
}

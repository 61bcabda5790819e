/**
 * Calendar days as integers. Every date in the support and funding analytics is an ISO calendar
 * date `YYYY-MM-DD` in UTC; internally it becomes a day number (days since 1970-01-01), so that
 * periods compare and subtract as integers and no time zone or daylight-saving step can shift a
 * day. Periods are inclusive at both ends: `{ start: '2026-01-01', end: '2026-01-31' }` lasts 31
 * days. An open end (`null`) means "still running" and becomes `Infinity`.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date; throws a RangeError on anything that is not a real calendar day. */
export function dayNumber(iso: string): number {
  const m = ISO_DAY.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return ms / MS_PER_DAY;
}

/** ISO date of a day number (the inverse of {@link dayNumber}). */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of an end date; `null` (open end) is `Infinity`. */
export function endDayNumber(iso: string | null): number {
  return iso === null ? Infinity : dayNumber(iso);
}

/** A period as day numbers, inclusive; `end` may be `Infinity`. */
export interface DayRange {
  start: number;
  end: number;
}

/** Parses a period and checks that it does not end before it starts. */
export function dayRange(start: string, end: string | null): DayRange {
  const range = { start: dayNumber(start), end: endDayNumber(end) };
  if (range.end < range.start)
    throw new RangeError(`Period ends before it starts: ${start}..${end}`);
  return range;
}

/** Number of days two inclusive ranges share (0 when disjoint; may be `Infinity`). */
export function overlapDays(a: DayRange, b: DayRange): number {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.end, b.end);
  return to < from ? 0 : to - from + 1;
}

/** Throws unless `value` is a non-negative safe integer (money in cents, hours, counts). */
export function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
  }
}

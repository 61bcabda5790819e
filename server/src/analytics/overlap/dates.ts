const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date `YYYY-MM-DD`; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m === null) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

/** The inverse of {@link dayNumber}. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Inclusive overlap of two inclusive day ranges, in days (0 when they do not overlap). */
export function overlapDays(startA: number, endA: number, startB: number, endB: number): number {
  const days = Math.min(endA, endB) - Math.max(startA, startB) + 1;
  return days > 0 ? days : 0;
}

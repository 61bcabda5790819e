/**
 * Aggregates of carriers' self check-ins ("behapbaar en betekenisvol") for coordinators.
 *
 * Per period (calendar month, quarter or year of the check-in date) and per measure (workload,
 * energy, supportFelt; each an integer 1–5):
 * - each carrier counts once: their latest check-in in the period (same date: the later one in
 *   the input) stands for them, so a carrier who checks in weekly weighs as much as one who
 *   checks in once;
 * - `carriers` = distinct carriers with a check-in in the period;
 * - `mean` = mean of those carriers' scores; `distribution[k]` = how many carriers scored k.
 * A period with fewer than 5 carriers is suppressed whole (`suppressed: true`, carriers, mean
 * and distribution null). In a period shown, a measure's distribution is shown only when every
 * score chosen by anyone was chosen by at least 5 carriers; otherwise it is null
 * (`distributionSuppressed: true`) and only the mean is shown. Cell-by-cell suppression as in
 * `suppressTable` is not enough here: the published mean and carrier count are two
 * equations (Σ x_k = n, Σ k·x_k = n·mean) that recover two suppressed cells.
 * Zero cells are shown: "nobody scored 1" describes the group, not a person.
 */
import { dayNumber } from '../support/dates.ts';
import { MIN_CELL_COUNT } from './suppression.ts';

export interface CheckIn {
  carrierId: string;
  date: string;
  workload: number;
  energy: number;
  supportFelt: number;
}

export type CheckInMeasure = 'workload' | 'energy' | 'supportFelt';
export type PeriodKind = 'month' | 'quarter' | 'year';

export const CHECK_IN_MEASURES: readonly CheckInMeasure[] = ['workload', 'energy', 'supportFelt'];

export interface MeasureAggregate {
  mean: number | null;
  /** Carriers per score 1..5 (index 0 is score 1); null when withheld. */
  distribution: number[] | null;
  distributionSuppressed: boolean;
}

export interface PeriodAggregate {
  period: string;
  suppressed: boolean;
  carriers: number | null;
  measures: Record<CheckInMeasure, MeasureAggregate>;
}

/** `2026-03`, `2026-Q1` or `2026`. */
export function periodKey(date: string, kind: PeriodKind): string {
  dayNumber(date);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

function assertScore(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new RangeError(`${what} must be an integer 1–5, got ${value}`);
  }
}

export function checkInAggregates(
  checkIns: readonly CheckIn[],
  kind: PeriodKind,
  threshold = MIN_CELL_COUNT,
): PeriodAggregate[] {
  const latest = new Map<string, Map<string, CheckIn>>();
  for (const c of checkIns) {
    for (const m of CHECK_IN_MEASURES) assertScore(c[m], m);
    const key = periodKey(c.date, kind);
    const perCarrier = latest.get(key) ?? latest.set(key, new Map()).get(key)!;
    const before = perCarrier.get(c.carrierId);
    if (!before || before.date <= c.date) perCarrier.set(c.carrierId, c);
  }
  const out: PeriodAggregate[] = [];
  for (const [period, perCarrier] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const n = perCarrier.size;
    const empty = { mean: null, distribution: null, distributionSuppressed: true };
    if (n < threshold) {
      out.push({
        period,
        suppressed: true,
        carriers: null,
        measures: { workload: empty, energy: empty, supportFelt: empty },
      });
      continue;
    }
    const measures = {} as Record<CheckInMeasure, MeasureAggregate>;
    for (const m of CHECK_IN_MEASURES) {
      const counts = [0, 0, 0, 0, 0];
      let sum = 0;
      for (const c of perCarrier.values()) {
        sum += c[m];
        counts[c[m] - 1]!++;
      }
      const shown = counts.every((k) => k === 0 || k >= threshold);
      measures[m] = {
        mean: sum / n,
        distribution: shown ? counts : null,
        distributionSuppressed: !shown,
      };
    }
    out.push({ period, suppressed: false, carriers: n, measures });
  }
  return out;
}

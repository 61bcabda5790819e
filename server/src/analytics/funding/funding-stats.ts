/**
 * Funding statistics (geldstromen) for the dashboard. Money is integer euro cents and is summed as
 * BigInt, so totals stay exact beyond 2^53 cents; the API serialises them as decimal strings.
 *
 * Measures of {@link fundingSummary}, over the flows given:
 * - `totalCents` = Σ amountCents; `centsByInstrument`, `centsByRecipientKind` split it;
 * - `shareToCarriers` = cents to recipients of kind `person` / total;
 *   `shareCore` = cents through `kernfinanciering` / total;
 *   `shareProject` = cents through `projectsubsidie` / total (all null when the total is 0);
 * - `medianDurationDays`: median of the flows' durations, `end − start + 1` days (inclusive), each
 *   flow once regardless of its amount; an even count takes the mean of the middle two;
 * - fragmentation: for each recipient the number of distinct instruments it receives money
 *   through; `meanInstruments` is their mean and `distribution[k]` the number of recipients with
 *   k instruments;
 * - accountability burden per euro, as ratios of sums (large flows weigh more):
 *   `hoursPer1000Euro` = Σ reportingHours / (totalCents / 100 000),
 *   `reportsPer10000Euro` = Σ reports / (totalCents / 1 000 000).
 *
 * Grouping ({@link fundingByArea}, {@link fundingByYear}): each group's `summary` is computed over
 * the flows that touch the group (a flow for two areas, or spanning two years, appears in both,
 * so summaries do not add up), while `allocatedCents` splits each flow's amount so that groups do
 * add up to the total: equally over its areas, and over calendar years in proportion to its days in
 * each year (both with {@link allocateCents}).
 */
import { dayNumber, dayRange } from '../support/dates.ts';
import { allocateCents, ratio } from './allocate.ts';

export const INSTRUMENTS = [
  'projectsubsidie',
  'kernfinanciering',
  'in_natura',
  'aanbesteding',
  'budget_voucher',
  'right_to_challenge',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const RECIPIENT_KINDS = ['person', 'small', 'large', 'alliance', 'initiative'] as const;
export type FundingRecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface FundingFlow {
  funderId: string;
  recipientId: string;
  recipientKind: FundingRecipientKind;
  amountCents: number;
  start: string;
  end: string;
  instrument: Instrument;
  reportingHours: number;
  reports: number;
  areaIds: readonly string[];
}

export interface Fragmentation {
  recipients: number;
  meanInstruments: number | null;
  /** Recipients per number of distinct instruments (key 1..6). */
  distribution: Record<number, number>;
}

export interface FundingSummary {
  flows: number;
  totalCents: bigint;
  centsByInstrument: Record<Instrument, bigint>;
  centsByRecipientKind: Record<FundingRecipientKind, bigint>;
  shareToCarriers: number | null;
  shareCore: number | null;
  shareProject: number | null;
  medianDurationDays: number | null;
  fragmentation: Fragmentation;
  reportingHours: number;
  reports: number;
  hoursPer1000Euro: number | null;
  reportsPer10000Euro: number | null;
}

export interface FundingGroup {
  key: string;
  allocatedCents: bigint;
  summary: FundingSummary;
}

function check(flow: FundingFlow): void {
  for (const k of ['amountCents', 'reportingHours', 'reports'] as const) {
    if (!Number.isSafeInteger(flow[k]) || flow[k] < 0) {
      throw new RangeError(`${k} must be a non-negative integer, got ${flow[k]}`);
    }
  }
  if (!INSTRUMENTS.includes(flow.instrument))
    throw new RangeError(`bad instrument ${flow.instrument}`);
  if (!RECIPIENT_KINDS.includes(flow.recipientKind)) {
    throw new RangeError(`bad recipientKind ${flow.recipientKind}`);
  }
  dayRange(flow.start, flow.end);
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, bigint> {
  return Object.fromEntries(keys.map((k) => [k, 0n])) as Record<K, bigint>;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fundingSummary(flows: readonly FundingFlow[]): FundingSummary {
  const byInstrument = zeroes(INSTRUMENTS);
  const byKind = zeroes(RECIPIENT_KINDS);
  const instrumentsOf = new Map<string, Set<Instrument>>();
  const durations: number[] = [];
  let total = 0n;
  let hours = 0;
  let reports = 0;
  for (const f of flows) {
    check(f);
    const cents = BigInt(f.amountCents);
    total += cents;
    byInstrument[f.instrument] += cents;
    byKind[f.recipientKind] += cents;
    hours += f.reportingHours;
    reports += f.reports;
    durations.push(dayNumber(f.end) - dayNumber(f.start) + 1);
    const set = instrumentsOf.get(f.recipientId) ?? new Set();
    instrumentsOf.set(f.recipientId, set.add(f.instrument));
  }
  const distribution: Record<number, number> = {};
  let instrumentSum = 0;
  for (const set of instrumentsOf.values()) {
    distribution[set.size] = (distribution[set.size] ?? 0) + 1;
    instrumentSum += set.size;
  }
  return {
    flows: flows.length,
    totalCents: total,
    centsByInstrument: byInstrument,
    centsByRecipientKind: byKind,
    shareToCarriers: ratio(byKind.person, total),
    shareCore: ratio(byInstrument.kernfinanciering, total),
    shareProject: ratio(byInstrument.projectsubsidie, total),
    medianDurationDays: median(durations),
    fragmentation: {
      recipients: instrumentsOf.size,
      meanInstruments: instrumentsOf.size === 0 ? null : instrumentSum / instrumentsOf.size,
      distribution,
    },
    reportingHours: hours,
    reports,
    hoursPer1000Euro: ratio(BigInt(hours) * 100_000n, total),
    reportsPer10000Euro: ratio(BigInt(reports) * 1_000_000n, total),
  };
}

function groups(
  flows: readonly FundingFlow[],
  split: (f: FundingFlow) => { key: string; cents: bigint }[],
): FundingGroup[] {
  const members = new Map<string, { flows: FundingFlow[]; cents: bigint }>();
  for (const f of flows) {
    check(f);
    for (const { key, cents } of split(f)) {
      const g = members.get(key) ?? { flows: [], cents: 0n };
      g.flows.push(f);
      g.cents += cents;
      members.set(key, g);
    }
  }
  return [...members]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, allocatedCents: g.cents, summary: fundingSummary(g.flows) }));
}

/** Per area (flows without areas are left out). */
export function fundingByArea(flows: readonly FundingFlow[]): FundingGroup[] {
  return groups(flows, (f) => {
    const areas = [...new Set(f.areaIds)].sort();
    const parts = allocateCents(
      BigInt(f.amountCents),
      areas.map(() => 1),
    );
    return areas.map((key, i) => ({ key, cents: parts[i]! }));
  });
}

/** Per calendar year that a flow's period touches. */
export function fundingByYear(flows: readonly FundingFlow[]): FundingGroup[] {
  return groups(flows, (f) => {
    const start = dayNumber(f.start);
    const end = dayNumber(f.end);
    const years: string[] = [];
    const days: number[] = [];
    for (let y = Number(f.start.slice(0, 4)); y <= Number(f.end.slice(0, 4)); y++) {
      const from = Math.max(start, dayNumber(`${y}-01-01`));
      const to = Math.min(end, dayNumber(`${y}-12-31`));
      years.push(String(y));
      days.push(to - from + 1);
    }
    const parts = allocateCents(BigInt(f.amountCents), days);
    return years.map((key, i) => ({ key, cents: parts[i]! }));
  });
}

/** BigInt cents as a decimal string for JSON and CSV (`JSON.stringify` cannot write BigInt). */
export function centsToString(cents: bigint): string {
  return cents.toString();
}

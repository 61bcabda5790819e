import type { ObstacleCategory, ObstacleStatus } from '../../db/types.ts';

// The policy dashboard as a pure function of plain rows, so the API, the yearly report and the
// benchmarks share it. Every count below the threshold is suppressed (null), and so is every
// median over fewer obstacles, so no cell can point at one or a few reporters.

export const SUPPRESS_BELOW = 5;

export interface DashboardRow {
  category: ObstacleCategory;
  status: ObstacleStatus;
  ownerId: string | null;
  areaIds: readonly string[];
  domainIds: readonly string[];
  endorsements: number;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

/** What the trend groups by, and per which period. */
export const trendDimensions = ['category', 'status', 'area', 'domain', 'owner'] as const;
export type TrendBy = (typeof trendDimensions)[number];
export const trendPeriods = ['month', 'quarter'] as const;
export type TrendPeriod = (typeof trendPeriods)[number];
export interface TrendOptions {
  by: TrendBy;
  period: TrendPeriod;
}
export const defaultTrend: TrendOptions = { by: 'category', period: 'month' };

/** "2026-03" for a month, "2026-K1" for a quarter (kwartaal), of an ISO timestamp. */
export function periodOf(iso: string, period: TrendPeriod): string {
  if (period === 'month') return iso.slice(0, 7);
  return `${iso.slice(0, 4)}-K${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface Cell {
  key: string;
  label: string;
  count: number | null;
  endorsements: number | null;
  suppressed: boolean;
}

export interface Duration {
  medianDays: number | null;
  n: number | null;
  suppressed: boolean;
}

export interface Dashboard {
  threshold: number;
  total: number | null;
  totalSuppressed: boolean;
  byCategory: Cell[];
  byStatus: Cell[];
  byArea: Cell[];
  byDomain: Cell[];
  byOwner: Cell[];
  /** Reports per period (month or quarter) and group of the chosen dimension. */
  trend: { by: TrendBy; period: TrendPeriod; cells: TrendCell[] };
  timeToFirstResponse: Duration;
  timeToResolution: Duration;
}

/** A count below the threshold becomes null (zero cells are not listed at all). */
export const suppress = (n: number): number | null => (n < SUPPRESS_BELOW ? null : n);

function cell(key: string, label: string, count: number, endorsements: number): Cell {
  const hidden = count < SUPPRESS_BELOW;
  return {
    key,
    label,
    count: hidden ? null : count,
    // Endorsements of a suppressed group would hint at its size: suppressed with it.
    endorsements: hidden ? null : endorsements,
    suppressed: hidden,
  };
}

function group(
  rows: readonly DashboardRow[],
  keysOf: (r: DashboardRow) => readonly string[],
  label: (key: string) => string,
): Cell[] {
  const acc = new Map<string, { n: number; e: number }>();
  for (const r of rows)
    for (const k of new Set(keysOf(r))) {
      const a = acc.get(k) ?? { n: 0, e: 0 };
      a.n += 1;
      a.e += r.endorsements;
      acc.set(k, a);
    }
  return [...acc]
    .map(([k, a]) => cell(k, label(k), a.n, a.e))
    .sort((x, y) => (y.count ?? -1) - (x.count ?? -1) || x.label.localeCompare(y.label, 'nl'));
}

const DAY = 86_400_000;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function duration(
  rows: readonly DashboardRow[],
  end: (r: DashboardRow) => string | null,
): Duration {
  const days = rows.flatMap((r) => {
    const e = end(r);
    return e ? [(Date.parse(e) - Date.parse(r.createdAt)) / DAY] : [];
  });
  if (days.length < SUPPRESS_BELOW) return { medianDays: null, n: null, suppressed: true };
  return { medianDays: Math.round(median(days) * 10) / 10, n: days.length, suppressed: false };
}

export type TrendCell = Cell & { period: string };

export interface Labels {
  area: (id: string) => string;
  domain: (id: string) => string;
  owner: (id: string) => string;
}

export function buildDashboard(
  rows: readonly DashboardRow[],
  labels: Labels,
  trendOptions: TrendOptions = defaultTrend,
): Dashboard {
  const keys: Record<TrendBy, (r: DashboardRow) => readonly string[]> = {
    category: (r) => [r.category],
    status: (r) => [r.status],
    area: (r) => r.areaIds,
    domain: (r) => r.domainIds,
    owner: (r) => (r.ownerId ? [r.ownerId] : []),
  };
  const label: Record<TrendBy, (k: string) => string> = {
    category: (k) => k,
    status: (k) => k,
    area: labels.area,
    domain: labels.domain,
    owner: labels.owner,
  };
  const by = trendOptions.by;
  const periods = new Map<string, DashboardRow[]>();
  for (const r of rows) {
    const p = periodOf(r.createdAt, trendOptions.period);
    const list = periods.get(p);
    if (list) list.push(r);
    else periods.set(p, [r]);
  }
  const cells: TrendCell[] = [...periods]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([period, inPeriod]) =>
      group(inPeriod, keys[by], label[by])
        .sort((x, y) => x.key.localeCompare(y.key))
        .map((c) => ({ ...c, period })),
    );
  const trend = { ...trendOptions, cells };
  return {
    threshold: SUPPRESS_BELOW,
    total: suppress(rows.length),
    totalSuppressed: rows.length < SUPPRESS_BELOW,
    byCategory: group(rows, keys.category, label.category),
    byStatus: group(rows, keys.status, label.status),
    byArea: group(rows, keys.area, label.area),
    byDomain: group(rows, keys.domain, label.domain),
    byOwner: group(rows, keys.owner, label.owner),
    trend,
    timeToFirstResponse: duration(rows, (r) => r.firstResponseAt),
    timeToResolution: duration(rows, (r) => r.resolvedAt),
  };
}

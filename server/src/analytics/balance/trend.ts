import { balanceIndex } from './balance-index.ts';
import type { BalanceMember, BalanceTrendPoint, PerceivedPower } from './types.ts';

export interface BalanceTrendOptions {
  threshold?: number;
  /** Survey rounds keyed by the period they were held in. */
  perceivedByPeriod?: Readonly<Record<string, readonly PerceivedPower[]>>;
}

/**
 * The balance index per period: one point for every period that has a contribution or a survey
 * round, in ascending (string) order. Seats and votes are the current ones; contributions count
 * only for their own period; perceived power comes from the latest round held in or before the
 * period (carried forward, none before the first round).
 */
export function balanceTrend(
  members: readonly BalanceMember[],
  options: BalanceTrendOptions = {},
): BalanceTrendPoint[] {
  const rounds = options.perceivedByPeriod ?? {};
  const periods = new Set<string>(Object.keys(rounds));
  for (const m of members) for (const c of m.contributions) periods.add(c.period);
  const roundPeriods = Object.keys(rounds).sort();
  return [...periods].sort().map((period) => {
    const latest = roundPeriods.filter((p) => p <= period).at(-1);
    const perceived = latest === undefined ? [] : (rounds[latest] ?? []);
    const opts =
      options.threshold === undefined ? { period } : { period, threshold: options.threshold };
    return { period, ...balanceIndex(members, perceived, opts) };
  });
}

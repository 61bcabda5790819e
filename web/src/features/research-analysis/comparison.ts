// Pure shaping of the comparison answer for tables and charts.
import type { ComparedItem, PairedChange } from './types.ts';

export interface DistributionRow {
  value: string;
  label: string;
  /** Per wave (in the item's wave order): count and share of that wave's n (null when n = 0). */
  cells: Array<{ count: number; share: number | null }>;
}

/**
 * One row per answer value across the item's waves, in the order values first appear (the
 * server orders them: Likert 1…k, choices as defined); a value missing in a wave counts 0.
 */
export function distributionRows(item: ComparedItem): DistributionRow[] {
  const order: string[] = [];
  const labels = new Map<string, string>();
  for (const wave of item.waves) {
    for (const bin of wave.distribution) {
      const key = String(bin.value);
      if (!labels.has(key)) {
        order.push(key);
        labels.set(key, bin.label);
      }
    }
  }
  return order.map((value) => ({
    value,
    label: labels.get(value) ?? value,
    cells: item.waves.map((wave) => {
      const count = wave.distribution.find((b) => String(b.value) === value)?.count ?? 0;
      const total = wave.distribution.reduce((sum, b) => sum + b.count, 0);
      return { count, share: total > 0 ? count / total : null };
    }),
  }));
}

/** How many participants changed by each amount (numeric changes only), by change. */
export function changeBins(
  changes: readonly PairedChange[],
): Array<{ change: number; count: number }> {
  const counts = new Map<number, number>();
  for (const c of changes) {
    if (c.change === null || !Number.isFinite(c.change)) continue;
    const key = Math.round(c.change * 100) / 100;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([change, count]) => ({ change, count }))
    .sort((a, b) => a.change - b.change);
}

/** Risers, fallers and the unchanged among the numeric changes. */
export function changeSummary(changes: readonly PairedChange[]) {
  let up = 0;
  let down = 0;
  let same = 0;
  for (const c of changes) {
    if (c.change === null) continue;
    if (c.change > 0) up++;
    else if (c.change < 0) down++;
    else same++;
  }
  return { up, down, same };
}

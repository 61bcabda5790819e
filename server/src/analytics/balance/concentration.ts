/**
 * Concentration measures over non-negative amounts (votes, contribution cents). Inputs are
 * sorted before any floating-point sum, so the result does not depend on the members' order.
 */

/**
 * Normalised Herfindahl–Hirschman index: with shares `sᵢ = xᵢ / Σx` over n holders,
 * `HHI = Σ sᵢ²` (1/n when equal, 1 when one holds all) and `HHI* = (HHI − 1/n) / (1 − 1/n)`,
 * 0 = evenly spread, 1 = one holder has everything. n = 1 gives 1 (all in one hand).
 * Returns null when the total is 0 (nothing to concentrate).
 */
export function normalisedHhi(amounts: readonly number[]): number | null {
  const xs = sortedNonNegative(amounts);
  const n = xs.length;
  const total = sum(xs);
  if (n === 0 || total === 0) return null;
  if (n === 1) return 1;
  const hhi = sum(xs.map((x) => (x / total) ** 2).sort((a, b) => a - b));
  return clamp01((hhi - 1 / n) / (1 - 1 / n));
}

/**
 * Gini coefficient with the sorted-values formula: for x₁ ≤ … ≤ xₙ,
 * `G = Σᵢ (2i − n − 1) xᵢ / (n Σx)` (i from 1), 0 = equal, (n − 1)/n = one holds all.
 * Returns null when the total is 0.
 */
export function gini(amounts: readonly number[]): number | null {
  const xs = sortedNonNegative(amounts);
  const n = xs.length;
  const total = sum(xs);
  if (n === 0 || total === 0) return null;
  let acc = 0;
  for (let i = 0; i < n; i++) acc += (2 * (i + 1) - n - 1) * xs[i]!;
  return clamp01(acc / (n * total));
}

function sortedNonNegative(amounts: readonly number[]): number[] {
  for (const x of amounts) {
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`amount must be finite and ≥ 0: ${x}`);
  }
  return [...amounts].sort((a, b) => a - b);
}

/** Sum in the given order (callers pass sorted arrays). */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Splitting an integer number of cents over parts without losing or inventing a cent
 * (largest-remainder method): part i first gets ⌊total × wᵢ / Σw⌋; the cents left over go, one
 * each, to the parts with the largest remainders, ties to the earlier part. The parts always sum
 * to `total` exactly.
 */
export function allocateCents(total: bigint, weights: readonly number[]): bigint[] {
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be non-negative integers');
  }
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}

/** `numerator / denominator` as a float, computed on BigInts so large sums keep 9 digits. */
export function ratio(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return Number((numerator * 1_000_000_000n) / denominator) / 1e9;
}

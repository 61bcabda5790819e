/** Deterministic PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex8 = () => (Math.floor(next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** A version-4-shaped UUID from the seeded stream. */
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = '4';
      hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    /** A version-4-shaped UUID from four draws (the bulk generator makes hundreds of thousands). */
    id: () => {
      const h = hex8() + hex8() + hex8() + hex8();
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
    },
    /** A float in [min, max). */
    float: (min: number, max: number) => min + next() * (max - min),
    chance: (p: number) => next() < p,
    /** An index drawn with the given (non-negative) weights. */
    weighted: (weights: readonly number[]): number => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    /** `k` distinct items (fewer when there are fewer), in draw order. */
    sample: <T>(items: readonly T[], k: number): T[] => {
      const n = items.length;
      if (k >= n) return shuffleCopy(items, next);
      const chosen = new Set<number>();
      const out: T[] = [];
      while (out.length < k) {
        const i = Math.floor(next() * n);
        if (chosen.has(i)) continue;
        chosen.add(i);
        out.push(items[i] as T);
      }
      return out;
    },
    shuffle: <T>(items: readonly T[]): T[] => shuffleCopy(items, next),
    /** An independent stream for one part of the generator, so parts do not shift each other. */
    fork: () => createRandom(Math.floor(next() * 4294967296)),
  };
}

function shuffleCopy<T>(items: readonly T[], next: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

export type Random = ReturnType<typeof createRandom>;

/**
 * Draws indexes from fixed weights in O(log n) (cumulative sums + binary search): hundreds of
 * thousands of activities pick their actor this way.
 */
export function weightedPicker(weights: readonly number[]): (random: Random) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cumulative[i] = total;
  });
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Choropleth classes: quantiles of the values (about the same number of areas per class), at most
 * PALETTE_SIZE. Pure functions, so the map, its legend and its table agree on every area's class.
 */

/** Number of colours in the sequential palette (`--wd-map-class-0` … `-4` in styles/map.css). */
export const PALETTE_SIZE = 5;

export interface ValueClass {
  /** Position in the legend, 0 = lowest values. */
  index: number;
  min: number;
  max: number;
  count: number;
  /** Palette colour 0 … PALETTE_SIZE-1, spread out when there are fewer classes than colours. */
  colour: number;
}

function spread(index: number, classes: number): number {
  if (classes <= 1) return Math.floor(PALETTE_SIZE / 2);
  return Math.round((index * (PALETTE_SIZE - 1)) / (classes - 1));
}

/**
 * Quantile classes of the finite values. Equal values always fall in one class; with no more
 * distinct values than colours every distinct value is a class of its own.
 */
export function quantileClasses(
  values: readonly (number | null)[],
  k = PALETTE_SIZE,
): ValueClass[] {
  const sorted = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [];
  const distinct = [...new Set(sorted)];
  const uppers: number[] = [];
  if (distinct.length <= k) {
    uppers.push(...distinct);
  } else {
    for (let i = 1; i <= k; i++) {
      const upper = sorted[Math.min(n - 1, Math.ceil((i * n) / k) - 1)] as number;
      if (uppers.at(-1) !== upper) uppers.push(upper);
    }
  }
  const classes: ValueClass[] = [];
  let start = 0;
  for (const upper of uppers) {
    let end = start;
    while (end < n && (sorted[end] as number) <= upper) end++;
    if (end > start) {
      classes.push({
        index: classes.length,
        min: sorted[start] as number,
        max: upper,
        count: end - start,
        colour: 0,
      });
    }
    start = end;
  }
  return classes.map((c) => ({ ...c, colour: spread(c.index, classes.length) }));
}

/** The class of a value, or null for a missing value (or no classes). */
export function classOf(classes: readonly ValueClass[], value: number | null): ValueClass | null {
  if (value === null || !Number.isFinite(value)) return null;
  return classes.find((c) => value <= c.max) ?? classes.at(-1) ?? null;
}

/** CSS class that colours a polygon or a legend swatch (see styles/map.css). */
export const colourClass = (c: ValueClass | null): string =>
  c ? `wd-map-class-${c.colour}` : 'wd-map-class-none';

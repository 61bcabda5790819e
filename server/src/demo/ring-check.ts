/**
 * A strict validity check of one polygon ring, for the generated boundaries: at least four
 * positions, finite, closed, no repeated position, and simple — no two edges meet except
 * neighbours at their shared corner (no tolerance for tiny folds, unlike the importer, since
 * generated data has no rounding excuse). Pairwise, O(n²): fine for rings of a few thousand edges.
 */

type Pt = readonly number[];

const orient = (a: Pt, b: Pt, c: Pt): number => {
  const d =
    ((b[0] ?? 0) - (a[0] ?? 0)) * ((c[1] ?? 0) - (a[1] ?? 0)) -
    ((b[1] ?? 0) - (a[1] ?? 0)) * ((c[0] ?? 0) - (a[0] ?? 0));
  return d > 0 ? 1 : d < 0 ? -1 : 0;
};

const onSegment = (a: Pt, b: Pt, c: Pt) =>
  Math.min(a[0] ?? 0, b[0] ?? 0) <= (c[0] ?? 0) &&
  (c[0] ?? 0) <= Math.max(a[0] ?? 0, b[0] ?? 0) &&
  Math.min(a[1] ?? 0, b[1] ?? 0) <= (c[1] ?? 0) &&
  (c[1] ?? 0) <= Math.max(a[1] ?? 0, b[1] ?? 0);

/** Whether segments a–b and c–d share any point (touching and collinear overlap included). */
export function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Twice the signed area: positive when counter-clockwise. */
export function signedArea2(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Pt;
    const q = ring[i + 1] as Pt;
    sum += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  }
  return sum;
}

/** What is wrong with the ring; empty when it is a valid simple closed ring. */
export function ringProblems(ring: readonly Pt[]): string[] {
  if (ring.length < 4) return [`only ${ring.length} positions`];
  if (!ring.every((p) => p.length >= 2 && p.every((n) => Number.isFinite(n))))
    return ['a position is not a pair of finite numbers'];
  const first = ring[0] as Pt;
  const last = ring[ring.length - 1] as Pt;
  if (first[0] !== last[0] || first[1] !== last[1]) return ['not closed'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ring.length - 1; i++) {
    const key = `${ring[i]?.[0]},${ring[i]?.[1]}`;
    if (seen.has(key)) problems.push(`position ${i} repeats an earlier one`);
    seen.add(key);
  }
  const n = ring.length - 1; // edges
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const [a, b, c, d] = [ring[i], ring[i + 1], ring[j], ring[j + 1]] as Pt[];
      if (!adjacent) {
        if (segmentsMeet(a as Pt, b as Pt, c as Pt, d as Pt))
          problems.push(`edges ${i} and ${j} meet`);
        continue;
      }
      // Neighbours share one corner; they must not fold back onto each other.
      const shared = j === i + 1 ? b : a;
      const other1 = j === i + 1 ? a : b;
      const other2 = j === i + 1 ? d : c;
      if (orient(other1 as Pt, shared as Pt, other2 as Pt) === 0) {
        const backwards =
          ((other1?.[0] ?? 0) - (shared?.[0] ?? 0)) * ((other2?.[0] ?? 0) - (shared?.[0] ?? 0)) +
            ((other1?.[1] ?? 0) - (shared?.[1] ?? 0)) * ((other2?.[1] ?? 0) - (shared?.[1] ?? 0)) >
          0;
        if (backwards) problems.push(`edges ${i} and ${j} fold back`);
      }
    }
  if (signedArea2(ring) === 0) problems.push('zero area');
  return problems;
}

/** Whether point p lies strictly inside the ring (even–odd rule). */
export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  const [x = 0, y = 0] = p;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as Pt;
    const [xj = 0, yj = 0] = ring[j] as Pt;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

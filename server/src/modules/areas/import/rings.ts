/**
 * Pure checks of one closed linear ring (positions [x, y, …], first = last): its signed area and
 * where it meets itself.
 *
 * `forEachCrossing` sweeps over the x-extents of the edges: edges sorted by their smallest x, each
 * compared only with the edges whose x-range overlaps its own. Boundary rings (short edges spread
 * over the plane) cost about O(n log n); the worst case (every edge spanning the same x-range) is
 * O(n²), still milliseconds for a few thousand positions. Consecutive duplicate positions
 * (zero-length edges, common in real files) are skipped, not refused. Orientation tests use plain
 * doubles: exact for integers, and far below the coordinates' own precision otherwise.
 *
 * Real boundary files cross themselves on a sub-metre scale where coordinates were cut to a few
 * decimals (the Rotterdam buurten file, 6 decimals, has eight such folds). `ringSelfIntersection`
 * therefore refuses a crossing only when the loop it cuts off is not negligible: more than
 * `NEGLIGIBLE_LOOP` of the ring's area or more than `NEGLIGIBLE_SIZE` of its extent. A bow-tie, a
 * figure-eight or a spike of any length is refused.
 */

export type Ring = readonly (readonly number[])[];
type Pt = readonly number[];

/**
 * A crossing whose smaller loop covers at most NEGLIGIBLE_LOOP of the ring's area and spans at most
 * NEGLIGIBLE_SIZE of its extent (bounding-box diagonal) is a rounding artefact.
 */
export const NEGLIGIBLE_LOOP = 1e-4;
export const NEGLIGIBLE_SIZE = 1e-2;

const X = (p: Pt) => p[0] as number;
const Y = (p: Pt) => p[1] as number;

/** Twice the signed area (shoelace): positive counter-clockwise, negative clockwise. */
export function ringArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[i + 1] as Pt;
    sum += X(a) * Y(b) - X(b) * Y(a);
  }
  return sum;
}

const orient = (a: Pt, b: Pt, c: Pt) => {
  const d = (X(b) - X(a)) * (Y(c) - Y(a)) - (Y(b) - Y(a)) * (X(c) - X(a));
  return d > 0 ? 1 : d < 0 ? -1 : 0;
};

/** All positions lie on one line (or one point): the ring encloses nothing. */
export function isFlat(ring: Ring): boolean {
  const a = ring[0];
  const b = ring.find((p) => X(p) !== X(a as Pt) || Y(p) !== Y(a as Pt));
  if (!a || !b) return true;
  return ring.every((p) => orient(a, b, p) === 0);
}

/** c lies in the bounding box of a–b (meaningful when a, b, c are collinear). */
const within = (a: Pt, b: Pt, c: Pt) =>
  Math.min(X(a), X(b)) <= X(c) &&
  X(c) <= Math.max(X(a), X(b)) &&
  Math.min(Y(a), Y(b)) <= Y(c) &&
  Y(c) <= Math.max(Y(a), Y(b));

/**
 * Where segments p1–p2 and q1–q2 meet, or undefined. Touching (an end point on the other
 * segment) and collinear overlap count as meeting; the point is then such an end point.
 */
export function segmentsMeet(p1: Pt, p2: Pt, q1: Pt, q2: Pt): [number, number] | undefined {
  const o1 = orient(p1, p2, q1);
  const o2 = orient(p1, p2, q2);
  const o3 = orient(q1, q2, p1);
  const o4 = orient(q1, q2, p2);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const dx = X(q2) - X(q1);
    const dy = Y(q2) - Y(q1);
    const t =
      ((X(q1) - X(p1)) * dy - (Y(q1) - Y(p1)) * dx) / ((X(p2) - X(p1)) * dy - (Y(p2) - Y(p1)) * dx);
    return [X(p1) + t * (X(p2) - X(p1)), Y(p1) + t * (Y(p2) - Y(p1))];
  }
  if (o1 === 0 && within(p1, p2, q1)) return [X(q1), Y(q1)];
  if (o2 === 0 && within(p1, p2, q2)) return [X(q2), Y(q2)];
  if (o3 === 0 && within(q1, q2, p1)) return [X(p1), Y(p1)];
  if (o4 === 0 && within(q1, q2, p2)) return [X(p2), Y(p2)];
  return undefined;
}

/** The ring without consecutive duplicate positions (still closed). */
export function distinctPositions(ring: Ring): Pt[] {
  const out: Pt[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || X(last) !== X(p) || Y(last) !== Y(p)) out.push(p);
  }
  return out;
}

export interface Crossing {
  /** Edges (index of their first position in the de-duplicated ring), lower first. */
  edges: [number, number];
  at: [number, number];
}

/**
 * Calls `visit` for every pair of edges of the de-duplicated ring `pts` that meet, other than
 * neighbours sharing their common vertex (neighbours that fold back onto each other do count).
 * Stops when `visit` returns true.
 */
export function forEachCrossing(pts: Pt[], visit: (c: Crossing) => boolean | void): void {
  const n = pts.length - 1;
  if (n < 3) return;
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    minX[i] = Math.min(X(pts[i] as Pt), X(pts[i + 1] as Pt));
    maxX[i] = Math.max(X(pts[i] as Pt), X(pts[i + 1] as Pt));
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (minX[a] as number) - (minX[b] as number),
  );
  for (let s = 0; s < n; s++) {
    const i = order[s] as number;
    const a1 = pts[i] as Pt;
    const a2 = pts[i + 1] as Pt;
    const aMinY = Math.min(Y(a1), Y(a2));
    const aMaxY = Math.max(Y(a1), Y(a2));
    for (let u = s + 1; u < n; u++) {
      const j = order[u] as number;
      if ((minX[j] as number) > (maxX[i] as number)) break;
      const b1 = pts[j] as Pt;
      const b2 = pts[j + 1] as Pt;
      if (Math.max(Y(b1), Y(b2)) < aMinY || Math.min(Y(b1), Y(b2)) > aMaxY) continue;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      let at: [number, number] | undefined;
      if (hi === lo + 1 || (lo === 0 && hi === n - 1)) {
        // Neighbours share a vertex v; they meet elsewhere only by folding back along each other.
        const [first, second] = hi === lo + 1 ? [lo, hi] : [hi, lo];
        const p = pts[first] as Pt;
        const v = pts[second] as Pt;
        const q = pts[second + 1] as Pt;
        if (
          orient(p, v, q) === 0 &&
          (X(p) - X(v)) * (X(q) - X(v)) + (Y(p) - Y(v)) * (Y(q) - Y(v)) > 0
        )
          at = [X(v), Y(v)];
      } else {
        at = segmentsMeet(a1, a2, b1, b2);
      }
      if (at && visit({ edges: [lo, hi], at })) return;
    }
  }
}

/** The two loops a crossing splits the ring into: at → pts[lo+1] … pts[hi] → at, and the rest. */
function loops(pts: Pt[], c: Crossing): [Pt[], Pt[]] {
  const [lo, hi] = c.edges;
  const inner: Pt[] = [c.at, ...pts.slice(lo + 1, hi + 1), c.at];
  const outer: Pt[] = [c.at, ...pts.slice(hi + 1, pts.length - 1), ...pts.slice(0, lo + 1), c.at];
  return [inner, outer];
}

/** Length of the diagonal of the bounding box. */
function extent(points: Pt[]): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, X(p));
    maxX = Math.max(maxX, X(p));
    minY = Math.min(minY, Y(p));
    maxY = Math.max(maxY, Y(p));
  }
  return Math.hypot(maxX - minX, maxY - minY);
}

/**
 * A crossing is a rounding artefact when the smaller loop it cuts off is negligible in area AND in
 * size: a spike or a sliver has no area, but may still stick out far.
 */
function negligibleCrossing(pts: Pt[], c: Crossing, area: number, size: number): boolean {
  if (area === 0) return false;
  const [inner, outer] = loops(pts, c);
  const a = Math.abs(ringArea2(inner));
  const b = Math.abs(ringArea2(outer));
  const small = a <= b ? inner : outer;
  return Math.min(a, b) <= NEGLIGIBLE_LOOP * area && extent(small) <= NEGLIGIBLE_SIZE * size;
}

export interface SelfIntersection {
  /** The first crossing that is not negligible, in positions of the ring as given. */
  crossing?: { edges: [number, number]; at: [number, number] };
  /** Crossings that were tolerated as rounding artefacts. */
  negligible: number;
}

/** Checks a closed ring; `crossing` is set when it crosses itself by more than a rounding artefact. */
export function ringSelfIntersection(ring: Ring): SelfIntersection {
  const pts = distinctPositions(ring);
  const area = Math.abs(ringArea2(pts));
  const size = extent(pts);
  let negligible = 0;
  let found: Crossing | undefined;
  forEachCrossing(pts, (c) => {
    if (negligibleCrossing(pts, c, area, size)) {
      negligible++;
      return false;
    }
    found = c;
    return true;
  });
  if (!found) return { negligible };
  // Report positions of the ring as given (before duplicates were dropped).
  const original: number[] = [];
  for (let i = 0; i < ring.length && original.length < pts.length; i++) {
    const p = ring[i] as Pt;
    const q = pts[original.length] as Pt;
    if (X(p) === X(q) && Y(p) === Y(q)) original.push(i);
  }
  const [lo, hi] = found.edges;
  return {
    crossing: { edges: [original[lo] ?? lo, original[hi] ?? hi], at: found.at },
    negligible,
  };
}

/** Where a point lies with respect to a closed ring (crossing number; edges count as boundary). */
export function pointInRing(p: Pt, ring: Ring): 'inside' | 'outside' | 'boundary' {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[i + 1] as Pt;
    if (
      orient(a, b, p) === 0 &&
      Math.min(X(a), X(b)) <= X(p) &&
      X(p) <= Math.max(X(a), X(b)) &&
      Math.min(Y(a), Y(b)) <= Y(p) &&
      Y(p) <= Math.max(Y(a), Y(b))
    )
      return 'boundary';
    if (Y(a) > Y(p) !== Y(b) > Y(p)) {
      const x = X(a) + ((Y(p) - Y(a)) * (X(b) - X(a))) / (Y(b) - Y(a));
      if (X(p) < x) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/**
 * A hole that lies wholly outside its shell: none of its positions is inside or on the shell.
 * (A hole that crosses its shell is not detected: that needs ring-against-ring crossings.)
 */
export function holeOutsideShell(hole: Ring, shell: Ring): boolean {
  return hole.every((p) => pointInRing(p, shell) === 'outside');
}

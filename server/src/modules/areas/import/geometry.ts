import { holeOutsideShell, isFlat, ringArea2, ringSelfIntersection } from './rings.ts';

/**
 * Checks an area boundary before anything is stored: Polygon or MultiPolygon only, non-empty,
 * every ring closed with at least 4 positions, every coordinate a finite number, every ring with
 * an area and not crossing itself (sub-metre folds from rounded coordinates are tolerated and
 * counted, see rings.ts), and no hole lying wholly outside its outer ring. Rings are checked one by
 * one: a hole that crosses its outer ring is not detected.
 */

export type Position = number[];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoords | PolygonCoords[];
}

export type GeometryCheck =
  | {
      ok: true;
      geometry: AreaGeometry;
      polygons: PolygonCoords[];
      /** Sub-metre self-crossings tolerated as rounding artefacts. */
      negligibleCrossings: number;
    }
  | { ok: false; reason: string; detail: string };

interface RingProblem {
  reason: string;
  detail: string;
}

const fail = (reason: string, detail: string): GeometryCheck => ({ ok: false, reason, detail });

const invalid = (detail: string): RingProblem => ({ reason: 'invalid_ring', detail });
const fmt = (n: number) => String(Math.round(n * 1e7) / 1e7);

function checkRing(ring: unknown, where: string, counts: { negligible: number }) {
  if (!Array.isArray(ring)) return invalid(`${where} is not an array of positions.`);
  if (ring.length < 4)
    return invalid(`${where} has ${ring.length} positions; a ring needs at least 4.`);
  for (const p of ring) {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      !p.every((n) => typeof n === 'number' && Number.isFinite(n))
    )
      return invalid(`${where} has a position that is not a pair of finite numbers.`);
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1])
    return {
      reason: 'unclosed_ring',
      detail: `${where} is not closed (first and last position differ).`,
    };
  const positions = ring as Ring;
  if (isFlat(positions)) return { reason: 'zero_area', detail: `${where} encloses no area.` };
  const crossing = ringSelfIntersection(positions);
  counts.negligible += crossing.negligible;
  if (crossing.crossing) {
    const { edges, at } = crossing.crossing;
    return {
      reason: 'self_intersection',
      detail: `${where} crosses itself at (${fmt(at[0])}, ${fmt(at[1])}): the edges from position ${edges[0]} and from position ${edges[1]} meet.`,
    };
  }
  if (ringArea2(positions) === 0)
    return { reason: 'zero_area', detail: `${where} encloses no area.` };
  return undefined;
}

function checkPolygon(
  poly: unknown,
  where: string,
  counts: { negligible: number },
): RingProblem | undefined {
  if (!Array.isArray(poly) || poly.length === 0)
    return { reason: 'empty_geometry', detail: `${where} has no rings.` };
  for (let i = 0; i < poly.length; i++) {
    const problem = checkRing(poly[i], `${where} ring ${i}`, counts);
    if (problem) return problem;
  }
  const [shell, ...holes] = poly as Ring[];
  for (let i = 0; i < holes.length; i++) {
    if (shell && holeOutsideShell(holes[i] as Ring, shell))
      return {
        reason: 'hole_outside_shell',
        detail: `${where} ring ${i + 1} is a hole that lies wholly outside the outer ring (ring 0).`,
      };
  }
  return undefined;
}

export function checkGeometry(geometry: unknown): GeometryCheck {
  if (geometry === null || geometry === undefined || typeof geometry !== 'object')
    return fail('missing_geometry', 'The feature has no geometry.');
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
    return fail(
      'unsupported_geometry',
      `Only Polygon and MultiPolygon are accepted, not ${String(g.type)}.`,
    );
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0)
    return fail('empty_geometry', `The ${g.type} has no coordinates.`);
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  const counts = { negligible: 0 };
  for (let i = 0; i < polygons.length; i++) {
    const problem = checkPolygon(
      polygons[i],
      g.type === 'Polygon' ? 'The polygon' : `Polygon ${i}`,
      counts,
    );
    if (problem) return fail(problem.reason, problem.detail);
  }
  return {
    ok: true,
    geometry: { type: g.type, coordinates: g.coordinates as AreaGeometry['coordinates'] },
    polygons: polygons as PolygonCoords[],
    negligibleCrossings: counts.negligible,
  };
}

/** Applies `fn` to every position, keeping the geometry's shape. */
export function mapPositions(g: AreaGeometry, fn: (p: Position) => Position): AreaGeometry {
  const poly = (p: PolygonCoords) => p.map((ring) => ring.map(fn));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: poly(g.coordinates as PolygonCoords) }
    : { type: 'MultiPolygon', coordinates: (g.coordinates as PolygonCoords[]).map(poly) };
}

/** Applies `fn` to every ring. */
export function mapRings(g: AreaGeometry, fn: (r: Ring) => Ring): AreaGeometry {
  const poly = (p: PolygonCoords) => p.map(fn);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: poly(g.coordinates as PolygonCoords) }
    : { type: 'MultiPolygon', coordinates: (g.coordinates as PolygonCoords[]).map(poly) };
}

/** A display geometry as stored (GeoJSON text, WGS84). */
export interface MapGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

type Position = number[];
type Ring = Position[];

/**
 * Rounds a ring's positions to `factor` (1e5: five decimals, about 1 m on the map) and drops
 * positions that became equal to the one before. A ring that would fall below four positions
 * (not a ring any more: an area smaller than the rounding) keeps its rounded positions.
 */
function roundRing(ring: Ring, factor: number): Ring {
  const rounded = ring.map((p) => p.slice(0, 2).map((c) => Math.round(c * factor) / factor));
  const out: Ring = [];
  for (const p of rounded) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : rounded;
}

/** The geometry with coordinates rounded to `decimals` places (no elevation), for the map. */
export function roundGeometry(geometry: MapGeometry, decimals = 5): MapGeometry {
  const factor = 10 ** decimals;
  const polygon = (rings: unknown[]) => (rings as Ring[]).map((r) => roundRing(r, factor));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
    : {
        type: 'MultiPolygon',
        coordinates: (geometry.coordinates as unknown[][]).map(polygon),
      };
}

/** Parses a stored display geometry; null for none or anything that is not a (multi)polygon. */
export function parseGeometry(text: string | null): MapGeometry | null {
  if (text === null) return null;
  const g = JSON.parse(text) as Partial<MapGeometry> | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates))
    return null;
  return { type: g.type, coordinates: g.coordinates };
}

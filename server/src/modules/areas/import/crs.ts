import proj4 from 'proj4';

/** Coordinate reference systems accepted on import; stored geometry is always WGS84 (CRS84). */
export const crsNames = ['EPSG:4326', 'EPSG:28992'] as const;
export type CrsName = (typeof crsNames)[number];

// RD New with the 7-parameter datum shift (EPSG:28992 → WGS84), as in the EPSG registry.
const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const toWgs84 = proj4(RD_NEW, 'WGS84');

/** The CRS a GeoJSON `crs` member names: known, unknown (a name we do not support), or absent. */
export function crsFromMember(crs: unknown): CrsName | 'unknown' | undefined {
  if (crs === undefined || crs === null) return undefined;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return 'unknown';
  if (/(^|:)28992$/.test(name)) return 'EPSG:28992';
  if (/(^|:)(CRS84|4326)$/i.test(name)) return 'EPSG:4326';
  return 'unknown';
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Guesses the CRS from the coordinate ranges; undefined when they fit neither. */
export function crsFromBounds(b: Bounds): CrsName | undefined {
  if (b.minX >= -180 && b.maxX <= 180 && b.minY >= -90 && b.maxY <= 90) return 'EPSG:4326';
  // RD New covers the Netherlands with x ≈ 0–300 km and y ≈ 300–650 km (metres).
  if (b.minX >= -10_000 && b.maxX <= 310_000 && b.minY >= 290_000 && b.maxY <= 660_000)
    return 'EPSG:28992';
  return undefined;
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/** RD New (x, y in metres) → WGS84 [lon, lat], rounded to 1e-7° (about 1 cm). */
export function rdToWgs84(position: readonly number[]): [number, number] {
  const [lon, lat] = toWgs84.forward([position[0] ?? NaN, position[1] ?? NaN]);
  return [round7(lon ?? NaN), round7(lat ?? NaN)];
}

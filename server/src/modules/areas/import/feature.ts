import { gemeenteOf, levelOf, parentCode, type Level } from './codes.ts';
import { rdToWgs84, type CrsName } from './crs.ts';
import { checkGeometry, mapPositions, mapRings, type AreaGeometry } from './geometry.ts';
import { mapProperties, type Mapping } from './properties.ts';
import { simplifyRing } from './simplify.ts';
import { replacementCharacterIn } from './utf8.ts';
import { cleanNumber } from './values.ts';

/**
 * One feature of an area file, on its own: the checks of the first pass (`checkFeature`) and the
 * conversion of the second (`convertFeature`). The whole-file rules (duplicate codes, the CRS,
 * which property style) live in scan.ts; both the streaming file import and the small in-memory
 * imports (API body, PDOK) go through these same functions.
 */

/** Display geometry tolerance in degrees (≈ 7 m north–south): small enough for a buurt map. */
export const DISPLAY_TOLERANCE = 0.00007;

export interface PreparedArea {
  code: string;
  level: Level;
  name: string;
  parentCode: string | null;
  population: number | null;
  geometry: AreaGeometry;
  displayGeometry: AreaGeometry;
}

export interface CheckedFeature {
  code: string | undefined;
  level: Level | undefined;
  name: string | undefined;
  population: number | null;
  /** Reason and detail of every problem of this feature (not counting duplicates). */
  problems: [string, string][];
  geometry?: AreaGeometry;
  polygons?: number[][][][];
  negligibleCrossings: number;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isFeature = (
  f: unknown,
): f is { type: 'Feature'; properties?: unknown; geometry?: unknown } =>
  isObject(f) && f.type === 'Feature';

export const propertiesOf = (f: { properties?: unknown }): Record<string, unknown> =>
  isObject(f.properties) ? f.properties : {};

/**
 * Checks one feature. `scope` is the workspace's gemeentecode, or null when codes of every
 * municipality are accepted (a national workspace, CLI only).
 */
export function checkFeature(
  f: { properties?: unknown; geometry?: unknown },
  mapping: Mapping,
  scope: string | null,
): CheckedFeature {
  const props = propertiesOf(f);
  const m = mapProperties(props, mapping);
  const code = m.code;
  const level = code ? levelOf(code) : undefined;
  const problems: [string, string][] = [];
  if (!code) problems.push(['missing_code', 'The feature has no area code.']);
  else if (!level)
    problems.push(['invalid_code', `"${code}" is not a CBS code (GM0599, WK059901, BU05990110).`]);
  else if (scope !== null && gemeenteOf(code) !== scope)
    problems.push(['other_municipality', `${code} is not in municipality ${scope}.`]);
  const population = cleanNumber(m.population);
  if (!population.ok) problems.push(['invalid_population', 'The population is not a number.']);
  const geometry = checkGeometry(f.geometry);
  if (!geometry.ok) problems.push([geometry.reason, geometry.detail]);
  const garbled = replacementCharacterIn(props);
  if (garbled !== undefined)
    problems.push([
      'invalid_encoding',
      `Property ${garbled} holds bytes that are not UTF-8 (shown as "\uFFFD"): the file is probably Latin-1 or Windows-1252; save it as UTF-8.`,
    ]);
  return {
    code,
    level,
    name: m.name,
    population: population.ok ? population.value : null,
    problems,
    ...(geometry.ok ? { geometry: geometry.geometry, polygons: geometry.polygons } : {}),
    negligibleCrossings: geometry.ok ? geometry.negligibleCrossings : 0,
  };
}

/** Widens `b` to the feature's positions (for guessing the CRS from coordinate ranges). */
export function extendBounds(
  b: { minX: number; minY: number; maxX: number; maxY: number },
  polygons: number[][][][],
): void {
  for (const poly of polygons)
    for (const ring of poly)
      for (const p of ring) {
        const x = p[0] as number;
        const y = p[1] as number;
        if (x < b.minX) b.minX = x;
        if (x > b.maxX) b.maxX = x;
        if (y < b.minY) b.minY = y;
        if (y > b.maxY) b.maxY = y;
      }
}

/** A checked, valid feature as stored: WGS84 boundary and its simplified display geometry. */
export function toPreparedArea(c: CheckedFeature, crs: CrsName): PreparedArea {
  const code = c.code as string;
  const source = c.geometry as AreaGeometry;
  const geometry = crs === 'EPSG:28992' ? mapPositions(source, rdToWgs84) : source;
  return {
    code,
    level: c.level as Level,
    name: c.name ?? code,
    parentCode: parentCode(code),
    population: c.population === null ? null : Math.round(c.population),
    geometry,
    displayGeometry: mapRings(geometry, (r) => simplifyRing(r, DISPLAY_TOLERANCE)),
  };
}

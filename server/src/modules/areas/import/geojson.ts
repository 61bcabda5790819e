import { gemeenteOf, levelOf, parentCode, type Level } from './codes.ts';
import { crsFromBounds, crsFromMember, rdToWgs84, type CrsName } from './crs.ts';
import { checkGeometry, mapPositions, mapRings, type AreaGeometry } from './geometry.ts';
import { issue, parseJsonText, type ImportIssue } from './issues.ts';
import { detectMapping, mapProperties, type Mapping } from './properties.ts';
import { simplifyRing } from './simplify.ts';
import { cleanNumber } from './values.ts';

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

export interface PreparedAreas {
  mapping: Mapping | null;
  crs: CrsName | null;
  areas: PreparedArea[];
  issues: ImportIssue[];
}

interface RawFeature {
  index: number;
  props: Record<string, unknown>;
  geometry: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function boundsOf(features: { polygons: number[][][][] }[]) {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const f of features)
    for (const poly of f.polygons)
      for (const ring of poly)
        for (const [x = NaN, y = NaN] of ring) {
          b.minX = Math.min(b.minX, x);
          b.maxX = Math.max(b.maxX, x);
          b.minY = Math.min(b.minY, y);
          b.maxY = Math.max(b.maxY, y);
        }
  return b;
}

const empty = (issues: ImportIssue[]): PreparedAreas => ({
  mapping: null,
  crs: null,
  areas: [],
  issues,
});

/**
 * Validates and converts a GeoJSON FeatureCollection of areas (text or parsed) for one
 * municipality. Every bad feature is reported; the caller writes nothing when `issues` is not empty.
 */
export function prepareAreas(
  input: unknown,
  opts: { gemeentecode: string; crs?: CrsName | undefined },
): PreparedAreas {
  let doc = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return empty([parsed.issue]);
    doc = parsed.value;
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    return empty([
      issue(null, 'not_a_feature_collection', 'The file is not a GeoJSON FeatureCollection.'),
    ]);
  if (doc.features.length === 0)
    return empty([issue(null, 'no_features', 'The FeatureCollection has no features.')]);

  const issues: ImportIssue[] = [];
  const raw: RawFeature[] = [];
  doc.features.forEach((f: unknown, index) => {
    if (!isObject(f) || f.type !== 'Feature')
      issues.push(issue(index, 'not_a_feature', 'This entry is not a GeoJSON Feature.'));
    else
      raw.push({ index, props: isObject(f.properties) ? f.properties : {}, geometry: f.geometry });
  });

  const mapping = detectMapping(raw.map((f) => f.props)) ?? null;
  if (!mapping)
    return {
      ...empty([
        ...issues,
        issue(
          null,
          'unknown_columns',
          'No feature has a code field (BU_CODE/WK_CODE/GM_CODE, buurtcode/wijkcode/gemeentecode, or id/code).',
        ),
      ]),
    };

  const seen = new Map<string, number>();
  const valid: (RawFeature & {
    code: string;
    level: Level;
    name: string;
    population: number | null;
    geometry: AreaGeometry;
    polygons: number[][][][];
  })[] = [];
  for (const f of raw) {
    const m = mapProperties(f.props, mapping);
    const code = m.code;
    const level = code ? levelOf(code) : undefined;
    const problems: [string, string][] = [];
    if (!code) problems.push(['missing_code', 'The feature has no area code.']);
    else if (!level)
      problems.push([
        'invalid_code',
        `"${code}" is not a CBS code (GM0599, WK059901, BU05990110).`,
      ]);
    else if (gemeenteOf(code) !== opts.gemeentecode)
      problems.push(['other_municipality', `${code} is not in municipality ${opts.gemeentecode}.`]);
    if (code && seen.has(code))
      problems.push([
        'duplicate_code',
        `${code} occurs more than once (first at feature ${seen.get(code)}).`,
      ]);
    if (code && !seen.has(code)) seen.set(code, f.index);
    const population = cleanNumber(m.population);
    if (!population.ok) problems.push(['invalid_population', 'The population is not a number.']);
    const geometry = checkGeometry(f.geometry);
    if (!geometry.ok) problems.push([geometry.reason, geometry.detail]);
    for (const [reason, detail] of problems) issues.push(issue(f.index, reason, detail, code));
    if (problems.length === 0 && code && level && population.ok && geometry.ok)
      valid.push({
        ...f,
        code,
        level,
        name: m.name ?? code,
        population: population.value,
        geometry: geometry.geometry,
        polygons: geometry.polygons,
      });
  }

  let crs: CrsName | null = opts.crs ?? null;
  if (!crs) {
    const member = crsFromMember(doc.crs);
    if (member === 'unknown')
      issues.push(
        issue(
          null,
          'unknown_crs',
          `The crs member names a CRS that is not supported (${JSON.stringify(doc.crs)}); give EPSG:4326 or EPSG:28992 explicitly.`,
        ),
      );
    else if (member) crs = member;
    else if (valid.length) {
      crs = crsFromBounds(boundsOf(valid)) ?? null;
      if (!crs)
        issues.push(
          issue(
            null,
            'unknown_crs',
            'The coordinates are neither WGS84 degrees nor RD New metres; give the CRS explicitly (--crs).',
          ),
        );
    }
  }
  if (issues.length || !crs) return { mapping, crs, areas: [], issues };

  const toWgs = crs === 'EPSG:28992';
  const areas = valid.map((f): PreparedArea => {
    const geometry = toWgs ? mapPositions(f.geometry, rdToWgs84) : f.geometry;
    return {
      code: f.code,
      level: f.level,
      name: f.name,
      parentCode: parentCode(f.code),
      population: f.population === null ? null : Math.round(f.population),
      geometry,
      displayGeometry: mapRings(geometry, (r) => simplifyRing(r, DISPLAY_TOLERANCE)),
    };
  });
  return { mapping, crs, areas, issues };
}

/** The year a file states (a jaar/jaarcode property or a year in metadata.source), if any. */
export function yearFromFile(doc: unknown): number | undefined {
  if (!isObject(doc)) return undefined;
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const candidates = [meta.year, meta.source, doc.name];
  const features = Array.isArray(doc.features) ? doc.features : [];
  const props =
    isObject(features[0]) && isObject(features[0].properties) ? features[0].properties : {};
  for (const [k, v] of Object.entries(props))
    if (/^(jaar|jaarcode|jrstatcode)$/i.test(k)) candidates.unshift(v);
  for (const c of candidates) {
    const m = /\b(19[5-9]\d|20\d\d)/.exec(String(c ?? ''));
    if (m) return Number(m[1]);
  }
  return undefined;
}

import type { CrsName } from './crs.ts';
import { checkFeature, toPreparedArea, type PreparedArea } from './feature.ts';
import { parseJsonText, type ImportIssue } from './issues.ts';
import type { Mapping } from './properties.ts';
import { scanDocument, type ScanResult } from './scan.ts';

export { DISPLAY_TOLERANCE, type PreparedArea } from './feature.ts';
export { yearFromFile } from './scan.ts';

export interface PreparedAreas {
  mapping: Mapping | null;
  crs: CrsName | null;
  areas: PreparedArea[];
  issues: ImportIssue[];
}

/** Scans a parsed collection, again with the property style fixed when the first scan asks. */
export function scanCollection(
  doc: unknown,
  opts: { gemeentecode: string | null; crs?: CrsName | undefined },
): ScanResult {
  const scan = scanDocument(doc, { scope: opts.gemeentecode, crs: opts.crs });
  return scan.rescan && scan.mapping
    ? scanDocument(doc, { scope: opts.gemeentecode, crs: opts.crs, mapping: scan.mapping })
    : scan;
}

/**
 * Validates and converts a GeoJSON FeatureCollection of areas (text or parsed) held in memory,
 * synchronously. Every bad feature is reported (the first MAX_LISTED); `areas` is empty unless the
 * whole file is valid. Imports go through service.ts (streaming, two passes); this is the same
 * check and conversion in one call.
 */
export function prepareAreas(
  input: unknown,
  opts: { gemeentecode: string | null; crs?: CrsName | undefined },
): PreparedAreas {
  let doc = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return { mapping: null, crs: null, areas: [], issues: [parsed.issue] };
    doc = parsed.value;
  }
  const scan = scanCollection(doc, opts);
  const { mapping, crs, issues } = scan;
  if (issues.length || !mapping || !crs) return { mapping, crs, areas: [], issues };
  const features = (doc as { features: { properties?: unknown; geometry?: unknown }[] }).features;
  const areas = features.map((f) =>
    toPreparedArea(checkFeature(f, mapping, opts.gemeentecode), crs),
  );
  return { mapping, crs, areas, issues };
}

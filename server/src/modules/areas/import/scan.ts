import type { Level } from './codes.ts';
import { crsFromBounds, crsFromMember, type CrsName } from './crs.ts';
import {
  checkFeature,
  extendBounds,
  isFeature,
  isObject,
  propertiesOf,
  type CheckedFeature,
} from './feature.ts';
import { issue, type ImportIssue } from './issues.ts';
import { mappings, detectMapping, type Mapping } from './properties.ts';
import type { ReadSummary } from './reader.ts';

/**
 * The first pass over an area file: every feature checked on its own, plus the rules over the
 * whole file (duplicate codes, the property style, the CRS), keeping only what is small (codes,
 * counts, bounds, the first `MAX_LISTED` issues), never the geometry.
 *
 * The property style is the first of cbs, pdok, simple that any feature uses. A stream does not
 * know the later features yet, so features are checked with the best style seen so far; should a
 * better one turn up after some features were checked with another, `rescan` is set and the caller
 * scans again with the style fixed (a mixed file, rare).
 */

/** Issues listed in a report; more are counted, not listed. */
export const MAX_LISTED = 1000;

export interface ScanOptions {
  /** The workspace's gemeentecode; null accepts every municipality (national workspace). */
  scope: string | null;
  crs?: CrsName | undefined;
  mapping?: Mapping | undefined;
}

export interface ScanResult {
  mapping: Mapping | null;
  crs: CrsName | null;
  crsFrom: 'option' | 'file' | 'coordinates' | null;
  features: number;
  /** Codes of the valid features in file order (all of them when the file is valid). */
  codes: string[];
  levels: Record<Level, number>;
  /** The first MAX_LISTED issues in file order; file-level issues (index null) last. */
  issues: ImportIssue[];
  /** Issues found in all (listed or not). */
  issueCount: number;
  invalidFeatures: number;
  missingNames: number;
  missingPopulation: number;
  negligibleCrossings: number;
  /** The CBS year the file states (metadata, name or the first feature's jaar), if any. */
  statedYear: number | undefined;
  rescan: boolean;
}

const CODE_PROBLEMS = ['missing_code', 'invalid_code', 'other_municipality'];
const rank = (m: Mapping | null) => (m === null ? mappings.length : mappings.indexOf(m));

export class AreaScan {
  private mapping: Mapping | null;
  private checkedWith = new Set<Mapping | null>();
  private members: Record<string, unknown> = {};
  private firstFeature: unknown;
  private seen = new Map<string, number>();
  private readonly bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  private structural: ImportIssue[] = [];
  private r: Omit<ScanResult, 'mapping' | 'crs' | 'crsFrom' | 'statedYear' | 'rescan'> = {
    features: 0,
    codes: [],
    levels: { gemeente: 0, wijk: 0, buurt: 0 },
    issues: [],
    issueCount: 0,
    invalidFeatures: 0,
    missingNames: 0,
    missingPopulation: 0,
    negligibleCrossings: 0,
  };

  constructor(private readonly opts: ScanOptions) {
    this.mapping = opts.mapping ?? null;
  }

  private add(i: ImportIssue, list = this.r.issues): void {
    this.r.issueCount++;
    if (this.r.issues.length + this.structural.length < MAX_LISTED) list.push(i);
  }

  member(key: string, value: unknown): void {
    this.members[key] = value;
  }

  /** Checks one feature; returns it checked when it is valid (so far: duplicates come later). */
  feature(index: number, f: unknown): CheckedFeature | undefined {
    this.r.features++;
    if (index === 0) this.firstFeature = f;
    if (!isFeature(f)) {
      this.r.invalidFeatures++;
      this.add(
        issue(index, 'not_a_feature', 'This entry is not a GeoJSON Feature.'),
        this.structural,
      );
      return;
    }
    if (!this.opts.mapping && this.mapping !== mappings[0]) {
      const style = detectMapping([propertiesOf(f)]) ?? null;
      if (rank(style) < rank(this.mapping)) this.mapping = style;
    }
    this.checkedWith.add(this.mapping);
    if (this.mapping === null) return undefined;
    const c = checkFeature(f, this.mapping, this.opts.scope);
    const problems = c.problems;
    const code = c.code;
    if (code !== undefined) {
      const first = this.seen.get(code);
      if (first !== undefined)
        problems.splice(CODE_PROBLEMS.includes(problems[0]?.[0] ?? '') ? 1 : 0, 0, [
          'duplicate_code',
          `${code} occurs more than once (first at feature ${first}).`,
        ]);
      else this.seen.set(code, index);
    }
    if (problems.length) {
      this.r.invalidFeatures++;
      for (const [reason, detail] of problems) this.add(issue(index, reason, detail, code));
      return undefined;
    }
    this.r.codes.push(code as string);
    this.r.levels[c.level as Level]++;
    if (c.name === undefined) this.r.missingNames++;
    if (c.population === null) this.r.missingPopulation++;
    this.r.negligibleCrossings += c.negligibleCrossings;
    extendBounds(this.bounds, c.polygons ?? []);
    return c;
  }

  /** Ends the scan with what the reader found (fatal problems, encoding). */
  finish(read: ReadSummary): ScanResult {
    const mapping = this.mapping;
    const statedYear = yearFromFile({ ...this.members, features: [this.firstFeature] });
    const base = { ...this.r, mapping, statedYear, rescan: false };
    const fail = (issues: ImportIssue[]): ScanResult => ({
      ...base,
      crs: null,
      crsFrom: null,
      codes: [],
      issues,
      issueCount: issues.length,
    });
    if (read.fatal && read.fatal.reason !== 'invalid_json') return fail([read.fatal]);
    if (!read.fatal && (this.members.type !== 'FeatureCollection' || !read.featuresArray))
      return fail([
        issue(null, 'not_a_feature_collection', 'The file is not a GeoJSON FeatureCollection.'),
      ]);
    if (!read.fatal && read.features === 0)
      return fail([issue(null, 'no_features', 'The FeatureCollection has no features.')]);
    const fileIssues: ImportIssue[] = [];
    if (read.encoding) fileIssues.push(read.encoding);
    if (read.fatal) fileIssues.push(read.fatal);
    if (mapping === null && !read.fatal) {
      fileIssues.push(
        issue(
          null,
          'unknown_columns',
          'No feature has a code field (BU_CODE/WK_CODE/GM_CODE, buurtcode/wijkcode/gemeentecode, or id/code).',
        ),
      );
      return {
        ...fail([...this.structural, ...fileIssues]),
        issueCount: this.r.issueCount + fileIssues.length,
      };
    }
    const rescan = [...this.checkedWith].some((m) => m !== mapping);
    let crs: CrsName | null = this.opts.crs ?? null;
    let crsFrom: ScanResult['crsFrom'] = crs ? 'option' : null;
    if (!crs && !read.fatal) {
      const member = crsFromMember(this.members.crs);
      if (member === 'unknown')
        fileIssues.push(
          issue(
            null,
            'unknown_crs',
            `The crs member names a CRS that is not supported (${JSON.stringify(this.members.crs)}); give EPSG:4326 or EPSG:28992 explicitly.`,
          ),
        );
      else if (member) [crs, crsFrom] = [member, 'file'];
      else if (this.r.codes.length) {
        crs = crsFromBounds(this.bounds) ?? null;
        crsFrom = crs ? 'coordinates' : null;
        if (!crs)
          fileIssues.push(
            issue(
              null,
              'unknown_crs',
              'The coordinates are neither WGS84 degrees nor RD New metres; give the CRS explicitly (--crs).',
            ),
          );
      }
    }
    const issues = [...this.structural, ...this.r.issues]
      .sort((a, b) => (a.index ?? -1) - (b.index ?? -1))
      .concat(fileIssues);
    return {
      ...base,
      crs,
      crsFrom,
      rescan,
      issues,
      issueCount: this.r.issueCount + fileIssues.length,
    };
  }
}

/**
 * The year a file states, if any: a jaar/jaarcode/jrstatcode property of the first feature, or a
 * year in metadata.year, metadata.source or the collection's name (`buurten_2024_v1`).
 */
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
    const m = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/.exec(String(c ?? ''));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Scans a collection that is already in memory (synchronously). */
export function scanDocument(doc: unknown, opts: ScanOptions): ScanResult {
  const scan = new AreaScan(opts);
  if (!isObject(doc))
    return scan.finish({
      fatal: issue(
        null,
        'not_a_feature_collection',
        'The file is not a GeoJSON FeatureCollection.',
      ),
      featuresArray: false,
      features: 0,
    });
  const features = Array.isArray(doc.features) ? (doc.features as unknown[]) : undefined;
  for (const [k, v] of Object.entries(doc)) if (k !== 'features' || !features) scan.member(k, v);
  features?.forEach((f, i) => scan.feature(i, f));
  return scan.finish({ featuresArray: !!features, features: features?.length ?? 0 });
}

import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import {
  badRequest,
  fieldError,
  forbidden,
  notFound,
  type FieldError,
} from '../../http/problem.ts';
import type { Level } from './import/codes.ts';
import type { CrsName } from './import/crs.ts';
import {
  scanProblem,
  scanSource,
  writeSource,
  type AreaImportProgress,
} from './import/pipeline.ts';
import type { ScanResult } from './import/scan.ts';
import { fileSource, objectSource, textSource, type AreaSource } from './import/source.ts';
import { existingAreaIds, gemeentecodeOf } from './repo.ts';

/**
 * Area imports: all or nothing, every bad feature reported (see import/pipeline.ts for the two
 * passes). The same function serves the API (a parsed body), PDOK, the background runs and the
 * CLI (a file streamed from disk, any size).
 */

export interface AreaImportReport {
  mapping: string;
  crs: CrsName;
  created: number;
  updated: number;
  errors: FieldError[];
}

export interface AreaImportWarning {
  code: string;
  detail: string;
  count?: number;
}

/** What an import would do (a dry run): nothing is written. */
export interface AreaImportPreview {
  dryRun: true;
  mapping: string;
  crs: CrsName;
  crsFrom: 'option' | 'file' | 'coordinates';
  year: number;
  features: number;
  created: number;
  updated: number;
  /** The first MAX_CODES codes that would be created and updated, in file order. */
  createdCodes: string[];
  updatedCodes: string[];
  levels: Record<Level, number>;
  warnings: AreaImportWarning[];
}

export const MAX_CODES = 1000;

const UNREADABLE = ['invalid_json', 'invalid_encoding', 'not_a_feature_collection'];

export interface AreaImportOptions {
  /** The CBS year, or how to choose it from the year the file states (CLI). */
  year: number | ((stated: number | undefined) => number);
  crs?: CrsName | undefined;
  dryRun?: boolean | undefined;
  /** Accept codes of every municipality (a national workspace); the system actor (CLI) only. */
  allMunicipalities?: boolean | undefined;
  onProgress?: ((p: AreaImportProgress) => void | Promise<void>) | undefined;
  signal?: AbortSignal | undefined;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2100)
    throw badRequest('validation_failed', 'The year is invalid.', [
      fieldError('/year', 'invalid_year', 'Give a year such as 2024.'),
    ]);
}

async function scopeOf(ctx: AppContext, actor: Actor, workspaceId: string, all: boolean) {
  const code = await gemeentecodeOf(ctx.db, workspaceId);
  if (!code) throw notFound('No such workspace.');
  if (!all) return code;
  if (actor.kind !== 'system')
    throw forbidden('Only the command line imports areas of every municipality.');
  return null;
}

function warningsOf(scan: ScanResult, year: number): AreaImportWarning[] {
  const w: AreaImportWarning[] = [];
  if (scan.crsFrom === 'coordinates')
    w.push({
      code: 'crs_from_coordinates',
      detail: `The file does not name its CRS; its coordinate ranges fit ${scan.crs}.`,
    });
  if (scan.statedYear !== undefined && scan.statedYear !== year)
    w.push({
      code: 'year_differs',
      detail: `The file states ${scan.statedYear}; the areas are imported as ${year}.`,
    });
  if (scan.missingNames)
    w.push({
      code: 'names_missing',
      detail: 'Features without a name are named by their code.',
      count: scan.missingNames,
    });
  if (scan.missingPopulation)
    w.push({
      code: 'population_missing',
      detail: 'Features without a population (or a secret one) are stored without.',
      count: scan.missingPopulation,
    });
  if (scan.negligibleCrossings)
    w.push({
      code: 'rounding_artefacts',
      detail:
        'Boundaries cross themselves on a negligible scale (coordinates rounded); they are kept as they are.',
      count: scan.negligibleCrossings,
    });
  return w;
}

async function preview(
  ctx: AppContext,
  workspaceId: string,
  year: number,
  scan: ScanResult,
): Promise<AreaImportPreview> {
  const existing = await existingAreaIds(ctx.db, workspaceId, year, scan.codes);
  const createdCodes: string[] = [];
  const updatedCodes: string[] = [];
  for (const code of scan.codes) {
    const list = existing.has(code) ? updatedCodes : createdCodes;
    if (list.length < MAX_CODES) list.push(code);
  }
  return {
    dryRun: true,
    mapping: scan.mapping as string,
    crs: scan.crs as CrsName,
    crsFrom: scan.crsFrom ?? 'option',
    year,
    features: scan.codes.length,
    created: scan.codes.length - existing.size,
    updated: existing.size,
    createdCodes,
    updatedCodes,
    levels: scan.levels,
    warnings: warningsOf(scan, year),
  };
}

/** Imports (or previews, `dryRun`) the areas of any source into the workspace for one CBS year. */
export async function importAreaSource(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  source: AreaSource,
  opts: AreaImportOptions,
): Promise<AreaImportReport | AreaImportPreview> {
  assertCan(actor, 'areas.manage', workspaceId);
  if (typeof opts.year === 'number') checkYear(opts.year);
  const scope = await scopeOf(ctx, actor, workspaceId, opts.allMunicipalities ?? false);
  const pass = { scope, crs: opts.crs, onProgress: opts.onProgress, signal: opts.signal };
  // A streamed file keeps its checked features on disk for the write pass (not for a preview).
  const { scan, spool } = await scanSource(source, pass, !opts.dryRun && !source.inMemory);
  try {
    const problem = scanProblem(scan);
    // A file that cannot be read at all is reported as such before its year is asked for.
    if (problem && scan.issues.some((i) => i.index === null && UNREADABLE.includes(i.reason)))
      throw problem;
    const year = typeof opts.year === 'number' ? opts.year : opts.year(scan.statedYear);
    checkYear(year);
    if (problem) throw problem;
    if (opts.dryRun) return await preview(ctx, workspaceId, year, scan);
    const counts = await writeSource(ctx, workspaceId, year, source, scan, { ...pass, spool });
    return { mapping: scan.mapping as string, crs: scan.crs as CrsName, ...counts, errors: [] };
  } finally {
    await spool?.dispose();
  }
}

/** A GeoJSON text or parsed collection in memory (API body, PDOK, tests). */
export const memorySource = (geojson: unknown): AreaSource =>
  typeof geojson === 'string' ? textSource(geojson) : objectSource(geojson);

/**
 * Imports a GeoJSON FeatureCollection (text or parsed) of the workspace's areas for one CBS year.
 * All or nothing: any bad feature and nothing is written; the report lists every bad feature.
 * Existing areas (same code and year) are updated.
 */
export async function importAreas(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  geojson: unknown,
  opts: { year: number; crs?: CrsName | undefined; signal?: AbortSignal | undefined },
): Promise<AreaImportReport> {
  return (await importAreaSource(ctx, actor, workspaceId, memorySource(geojson), {
    ...opts,
    dryRun: false,
  })) as AreaImportReport;
}

/** The dry run of `importAreas`: what would be created and updated; writes nothing. */
export async function previewAreaImport(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  geojson: unknown,
  opts: { year: number; crs?: CrsName | undefined },
): Promise<AreaImportPreview> {
  return (await importAreaSource(ctx, actor, workspaceId, memorySource(geojson), {
    ...opts,
    dryRun: true,
  })) as AreaImportPreview;
}

/** A file on disk, streamed (the CLI): any size, bounded memory. */
export async function importAreaFile(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  path: string,
  opts: AreaImportOptions,
): Promise<AreaImportReport | AreaImportPreview> {
  return importAreaSource(ctx, actor, workspaceId, await fileSource(path), opts);
}

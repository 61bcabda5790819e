import { bumpDirectoryVersion } from '../../records/version.ts';
import { newId } from '../../../auth/crypto.ts';
import { nowIso, type AppContext } from '../../../context.ts';
import type { AreasTable } from '../../../db/types.ts';
import type { AppError } from '../../../http/problem.ts';
import { badRequest, fieldError, type FieldError } from '../../../http/problem.ts';
import { existingAreaIds, upsertAreas } from '../repo.ts';
import type { CrsName } from './crs.ts';
import {
  checkFeature,
  isFeature,
  toPreparedArea,
  type CheckedFeature,
  type PreparedArea,
} from './feature.ts';
import type { ImportIssue } from './issues.ts';
import { AreaScan, MAX_LISTED, type ScanResult } from './scan.ts';
import type { AreaSource } from './source.ts';
import { Spool } from './spool.ts';

/**
 * The two passes of an area import over any source. Pass 1 (`scanSource`) streams the source and
 * checks every feature, keeping only codes and counts in memory (and, for a file, the valid
 * features in a spool on disk). Pass 2 (`writeSource`) converts each feature (reprojection,
 * display geometry) and writes in ONE transaction, in chunks of WRITE_CHUNK rows: from the spool
 * (memory stays at one chunk, and the file is tokenized once), or, for a collection already in
 * memory, converted before the transaction opens so that it holds only the writes. Both passes
 * yield to the event loop every few milliseconds of work, so a server stays responsive, and stop
 * when `signal` aborts (the transaction rolls back).
 */

export interface AreaImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
  unit: AreaSource['unit'];
}

export interface PassOptions {
  scope: string | null;
  crs?: CrsName | undefined;
  onProgress?: ((p: AreaImportProgress) => void | Promise<void>) | undefined;
  signal?: AbortSignal | undefined;
}

/** Rows per write statement and per progress step of the write pass. */
export const WRITE_CHUNK = 200;
const SLICE_MS = 15;

/** Gives the event loop a turn after every SLICE_MS of work; throws once `signal` aborted. */
function pacer(signal: AbortSignal | undefined) {
  let since = performance.now();
  return async () => {
    signal?.throwIfAborted();
    if (performance.now() - since < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
    signal?.throwIfAborted();
  };
}

async function scanOnce(
  source: AreaSource,
  opts: PassOptions,
  spool: Spool | undefined,
  mapping?: ScanResult['mapping'],
) {
  const scan = new AreaScan({ scope: opts.scope, crs: opts.crs, mapping: mapping ?? undefined });
  const breathe = pacer(opts.signal);
  const summary = await source.read({
    member: (key, value) => scan.member(key, value),
    feature: (index, f) => {
      const checked = scan.feature(index, f);
      return checked && spool ? spool.add(checked) : undefined;
    },
    progress: async (done) => {
      await opts.onProgress?.({ phase: 'checking', done, total: source.size, unit: source.unit });
      await breathe();
    },
  });
  return scan.finish(summary);
}

/**
 * Pass 1: every feature checked; again with the property style fixed when the file mixes them.
 * With `spool`, the valid features of a streamed file are kept on disk for pass 2; the caller
 * disposes of the spool.
 */
export async function scanSource(
  source: AreaSource,
  opts: PassOptions,
  spool = false,
): Promise<{ scan: ScanResult; spool?: Spool }> {
  let kept = spool ? await Spool.create() : undefined;
  try {
    let scan = await scanOnce(source, opts, kept);
    if (scan.rescan && scan.mapping) {
      await kept?.dispose();
      kept = spool ? await Spool.create() : undefined;
      scan = await scanOnce(source, opts, kept, scan.mapping);
    }
    if (kept && (scan.issues.length || !scan.crs)) {
      await kept.dispose();
      kept = undefined;
    }
    return kept ? { scan, spool: kept } : { scan };
  } catch (err) {
    await kept?.dispose();
    throw err;
  }
}

/** Import issues as problem+json errors: `/features/<index>`, `/` for the file. */
export function toFieldErrors(
  issues: ImportIssue[],
  collection: 'features' | 'rows',
): FieldError[] {
  return issues.map((i) =>
    fieldError(
      i.index === null ? '/' : `/${collection}/${i.index}`,
      i.reason,
      i.code ? `${i.code}: ${i.detail}` : i.detail,
    ),
  );
}

/** The 400 problem for a file with issues (the first MAX_LISTED listed, the rest counted). */
export function scanProblem(scan: ScanResult): AppError | undefined {
  if (!scan.issues.length && scan.mapping && scan.crs) return undefined;
  const n = scan.invalidFeatures;
  const errors = toFieldErrors(scan.issues, 'features');
  const more = scan.issueCount - scan.issues.length;
  if (more > 0)
    errors.push(
      fieldError('/', 'too_many_errors', `${more} more problem(s) not listed (${MAX_LISTED} are).`),
    );
  return badRequest(
    'invalid_area_file',
    `Nothing was imported: ${n ? `${n} feature(s) are invalid` : 'the file is invalid'}.`,
    errors,
  );
}

function areaRow(a: PreparedArea, workspaceId: string, year: number, now: string): AreasTable {
  return {
    id: newId(),
    workspace_id: workspaceId,
    code: a.code,
    cbs_year: year,
    name: a.name,
    level: a.level,
    parent_code: a.parentCode,
    geometry: JSON.stringify(a.geometry),
    display_geometry: JSON.stringify(a.displayGeometry),
    population: a.population,
    created_at: now,
    updated_at: now,
  };
}

export interface WriteCounts {
  created: number;
  updated: number;
}

/**
 * Pass 2: converts and writes what pass 1 checked, in one transaction: the features spooled from
 * a streamed file, or the collection in memory read again (converted before the transaction
 * opens, so that it holds only the writes).
 */
export async function writeSource(
  ctx: AppContext,
  workspaceId: string,
  year: number,
  source: AreaSource,
  scan: ScanResult,
  opts: PassOptions & { spool?: Spool | undefined },
): Promise<WriteCounts> {
  const mapping = scan.mapping;
  const crs = scan.crs;
  if (!mapping || !crs) throw new Error('writeSource needs a valid scan');
  const now = nowIso(ctx);
  const total = scan.codes.length;
  const breathe = pacer(opts.signal);
  let converted = 0;
  const convert = (c: CheckedFeature): AreasTable => {
    // Pass 2 sees what pass 1 saw; anything else is a bug, never a partial import.
    if (c.problems.length || c.code !== scan.codes[converted])
      throw new Error(`area import: feature ${converted} differs between the passes`);
    converted++;
    return areaRow(toPreparedArea(c, crs), workspaceId, year, now);
  };
  const counts: WriteCounts = { created: 0, updated: 0 };
  let written = 0;
  const write = async (trx: AppContext['db'], rows: AreasTable[]) => {
    const existing = await existingAreaIds(
      trx,
      workspaceId,
      year,
      rows.map((r) => r.code),
    );
    await upsertAreas(trx, rows);
    counts.updated += existing.size;
    counts.created += rows.length - existing.size;
    written += rows.length;
    await opts.onProgress?.({ phase: 'writing', done: written, total, unit: 'features' });
    await breathe();
  };
  const complete = () => {
    if (converted !== total) throw new Error('area import: the passes saw different features');
  };

  const spool = opts.spool;
  if (spool) {
    await ctx.db.transaction().execute(async (trx) => {
      await bumpDirectoryVersion(trx, workspaceId);
      let chunk: AreasTable[] = [];
      for await (const c of spool.features()) {
        chunk.push(convert(c));
        if (chunk.length < WRITE_CHUNK) continue;
        await write(trx, chunk);
        chunk = [];
      }
      complete();
      if (chunk.length) await write(trx, chunk);
    });
    return counts;
  }

  if (!source.inMemory) throw new Error('a streamed source is written from its spool');
  const rows: AreasTable[] = [];
  await source.read({
    member: () => undefined,
    feature: (_i, f) => {
      if (!isFeature(f)) return;
      const c = checkFeature(f, mapping, opts.scope);
      if (!c.problems.length) rows.push(convert(c));
    },
    progress: breathe,
  });
  complete();
  await ctx.db.transaction().execute(async (trx) => {
    await bumpDirectoryVersion(trx, workspaceId);
    for (let i = 0; i < rows.length; i += WRITE_CHUNK)
      await write(trx, rows.slice(i, i + WRITE_CHUNK));
  });
  return counts;
}

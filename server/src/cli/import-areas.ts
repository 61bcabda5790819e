import { readFileSync, statSync } from 'node:fs';
import type { AreaImportPreview } from '../modules/areas/import-service.ts';
import { importAreaFile } from '../modules/areas/import-service.ts';
import { crsNames, type CrsName } from '../modules/areas/import/crs.ts';
import { GEMEENTECODE, importAreasFromPdok } from '../modules/areas/import/pdok.ts';
import type { AreaImportProgress } from '../modules/areas/import/pipeline.ts';
import { importIndicators } from '../modules/areas/service.ts';
import { requireWorkspaceBySlug } from '../modules/workspaces/service.ts';
import { required, UsageError, type Run, type Values } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

function onePath(positionals: string[]): string {
  const file = positionals[0];
  if (!file || positionals.length !== 1) throw new UsageError('Give exactly one file.');
  return file;
}

function readFile(positionals: string[]): string {
  const file = onePath(positionals);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
}

function yearOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value))
    throw new UsageError('--year must be a year such as 2024');
  return Number(value);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const count = (n: number) => n.toLocaleString('en');

/**
 * Progress on stderr: a bar redrawn in place on a terminal, a line every 10% (and per phase)
 * otherwise, so logs of unattended runs stay short. stdout keeps only the result.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  const start = performance.now();
  let phase = '';
  let lastDraw = 0;
  let lastTenth = -1;
  const line = (p: AreaImportProgress) => {
    const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const amount =
      p.unit === 'bytes'
        ? `${mb(p.done)} of ${mb(p.total)} MB`
        : `${count(p.done)} of ${count(p.total)} ${p.unit === 'features' ? 'areas' : 'characters'}`;
    const label = p.phase === 'checking' ? 'Checking' : 'Writing ';
    return { share, text: `${label} ${(share * 100).toFixed(0).padStart(3)}%  ${amount}` };
  };
  return {
    update(p: AreaImportProgress): void {
      const { share, text } = line(p);
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      if (tty) {
        const now = performance.now();
        if (p.phase === phase && now - lastDraw < 100 && share < 1) return;
        if (p.phase !== phase && phase) stream.write('\n');
        const width = 30;
        const full = Math.round(share * width);
        stream.write(
          `\r${'█'.repeat(full)}${'░'.repeat(width - full)} ${text}  ${seconds} s\x1b[K`,
        );
        lastDraw = now;
      } else {
        const tenth = Math.floor(share * 10);
        if (p.phase === phase && tenth === lastTenth) return;
        stream.write(`${text} (${seconds} s)\n`);
        lastTenth = tenth;
      }
      phase = p.phase;
    },
    end(): void {
      if (tty && phase) stream.write('\n');
    },
  };
}

function printPreview(p: AreaImportPreview): void {
  out(`Mapping: ${p.mapping}; CRS: ${p.crs}; year: ${p.year}`);
  out(
    `Dry run: would create ${p.created}, update ${p.updated} area(s) (gemeente ${p.levels.gemeente}, wijk ${p.levels.wijk}, buurt ${p.levels.buurt}); nothing was written.`,
  );
  for (const w of p.warnings)
    out(`Warning (${w.code}): ${w.detail}${w.count === undefined ? '' : ` (${w.count})`}`);
}

function importFromFile(v: Values, positionals: string[]): Promise<number> {
  if (v.gemeentecode !== undefined)
    throw new UsageError('--gemeentecode goes with --pdok; a file names its own areas.');
  return withContext(async (ctx) => {
    const a = required(v, 'workspace');
    const file = onePath(positionals);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch (err) {
      throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
    }
    const crs = v.crs === undefined ? undefined : String(v.crs);
    if (crs !== undefined && !crsNames.includes(crs as CrsName))
      throw new UsageError(`--crs must be one of: ${crsNames.join(', ')}`);
    let year = yearOption(v.year);
    const given = year;
    const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
    const progress = progressPrinter();
    let r;
    try {
      r = await importAreaFile(ctx, { kind: 'system' }, w.id, file, {
        year:
          given ??
          ((stated) => {
            if (stated === undefined)
              throw new UsageError('The file does not state its CBS year: give --year <yyyy>.');
            year = stated;
            return stated;
          }),
        crs: crs as CrsName | undefined,
        dryRun: v['dry-run'] === true,
        allMunicipalities: v['all-municipalities'] === true,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.end();
    }
    if ('dryRun' in r) {
      printPreview(r);
      return 0;
    }
    out(`Mapping: ${r.mapping}; CRS: ${r.crs}; year: ${year}`);
    out(`Created ${r.created}, updated ${r.updated} area(s).`);
    return 0;
  });
}

/** `--pdok`: the buurten of one municipality and year from PDOK (PDOK_WIJKENBUURTEN_URL). */
function importFromPdok(v: Values, positionals: string[]): Promise<number> {
  if (positionals.length) throw new UsageError('Give either a file or --pdok, not both.');
  if (v.crs !== undefined)
    throw new UsageError('--crs does not go with --pdok (PDOK answers WGS84).');
  if (v['dry-run'] !== undefined || v['all-municipalities'] !== undefined)
    throw new UsageError('--dry-run and --all-municipalities go with a file, not with --pdok.');
  const a = required(v, 'workspace', 'gemeentecode', 'year');
  const gemeentecode = a.gemeentecode ?? '';
  if (!GEMEENTECODE.test(gemeentecode))
    throw new UsageError('--gemeentecode must be a CBS gemeentecode such as GM0599');
  const year = yearOption(a.year) as number;
  return withContext(async (ctx) => {
    const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
    const r = await importAreasFromPdok(ctx, { kind: 'system' }, w.id, { gemeentecode, year });
    out(`Fetched ${r.features} feature(s) in ${r.pages} page(s) from PDOK.`);
    out(`Mapping: ${r.mapping}; CRS: ${r.crs}; year: ${year}`);
    out(`Created ${r.created}, updated ${r.updated} area(s).`);
    return 0;
  });
}

/**
 * `import areas`: a file (any size, streamed) or `--pdok`. All or nothing: a bad file prints every
 * error (exit 1).
 */
export const importAreasCommand: Run = (v, positionals) =>
  v.pdok ? importFromPdok(v, positionals) : importFromFile(v, positionals);

/** `import indicators`: CBS kerncijfers for a year; all or nothing. */
export const importIndicatorsCommand: Run = (v, positionals) =>
  withContext(async (ctx) => {
    const a = required(v, 'workspace', 'year');
    const year = yearOption(a.year) as number;
    const text = readFile(positionals);
    const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
    const r = await importIndicators(ctx, { kind: 'system' }, w.id, text, { year });
    out(`Format: ${r.format}; year: ${year}`);
    out(
      `Imported ${r.values} value(s) for ${r.rows} area(s) (${r.missing} missing); ${r.areasCreated} area(s) without a boundary created.`,
    );
    if (r.ignoredColumns.length) out(`Ignored text columns: ${r.ignoredColumns.join(', ')}`);
    return 0;
  });

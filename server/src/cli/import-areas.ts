import { readFileSync } from 'node:fs';
import { crsNames, type CrsName } from '../modules/areas/import/crs.ts';
import { yearFromFile } from '../modules/areas/import/geojson.ts';
import { parseJsonText } from '../modules/areas/import/issues.ts';
import { GEMEENTECODE, importAreasFromPdok } from '../modules/areas/import/pdok.ts';
import { importAreas, importIndicators } from '../modules/areas/service.ts';
import { requireWorkspaceBySlug } from '../modules/workspaces/service.ts';
import { required, UsageError, type Command } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

function readFile(positionals: string[]): string {
  const file = positionals[0];
  if (!file || positionals.length !== 1) throw new UsageError('Give exactly one file.');
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

type Values = Record<string, string | boolean | undefined>;

function importFromFile(v: Values, positionals: string[]): Promise<number> {
  if (v.gemeentecode !== undefined)
    throw new UsageError('--gemeentecode goes with --pdok; a file names its own areas.');
  return withContext(async (ctx) => {
    const a = required(v, 'workspace');
    const text = readFile(positionals);
    const crs = v.crs === undefined ? undefined : String(v.crs);
    if (crs !== undefined && !crsNames.includes(crs as CrsName))
      throw new UsageError(`--crs must be one of: ${crsNames.join(', ')}`);
    const parsed = parseJsonText(text);
    const year = yearOption(v.year) ?? (parsed.ok ? yearFromFile(parsed.value) : undefined);
    if (year === undefined)
      throw new UsageError('The file does not state its CBS year: give --year <yyyy>.');
    const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
    const r = await importAreas(ctx, { kind: 'system' }, w.id, parsed.ok ? parsed.value : text, {
      year,
      crs: crs as CrsName | undefined,
    });
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

/** `import areas` and `import indicators`: all or nothing; a bad file prints every error (exit 1). */
export const areaImportCommands: Command[] = [
  {
    name: 'import areas',
    summary:
      'Import area boundaries (GeoJSON file, WGS84 or RD New, or fetched from PDOK) into a workspace; all or nothing.',
    usage:
      'import areas <file> --workspace <slug> [--year <yyyy>] [--crs EPSG:28992]\n       wijkdragers import areas --pdok --gemeentecode <GMxxxx> --year <yyyy> --workspace <slug>',
    options: {
      workspace: { type: 'string' },
      year: { type: 'string' },
      crs: { type: 'string' },
      pdok: { type: 'boolean' },
      gemeentecode: { type: 'string' },
    },
    positionals: 1,
    run: (v, positionals) =>
      v.pdok ? importFromPdok(v, positionals) : importFromFile(v, positionals),
  },
  {
    name: 'import indicators',
    summary: 'Import CBS StatLine kerncijfers (JSON or CSV) for a year; all or nothing.',
    usage: 'import indicators <file> --workspace <slug> --year <yyyy>',
    options: { workspace: { type: 'string' }, year: { type: 'string' } },
    positionals: 1,
    run: (v, positionals) =>
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
      }),
  },
];

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { AppContext } from '../context.ts';
import { importActors, type ActorImportReport } from '../modules/exchange/import-service.ts';
import type { ImportFormat } from '../modules/exchange/sheet.ts';
import { requireWorkspaceBySlug } from '../modules/workspaces/service.ts';
import { required, UsageError, type Run } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

export interface ImportActorsOptions {
  file: string;
  workspace: string;
  dryRun: boolean;
}

/** The format follows the file's extension. */
export function formatOf(file: string): ImportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError('Give a .csv or .xlsx file (the format follows the extension).');
}

/**
 * The file as the import wants it: CSV bytes decoded as UTF-8 (bytes that are not UTF-8 become
 * U+FFFD, which the import reports with their row), XLSX as base64.
 */
export function readActorFile(file: string): { format: ImportFormat; content: string } {
  const format = formatOf(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  return format === 'csv'
    ? { format: 'csv', content: new TextDecoder('utf-8').decode(bytes) }
    : { format: 'xlsx', content: bytes.toString('base64') };
}

const describeRow = (r: ActorImportReport['rows'][number]) =>
  `row ${r.row}: ${r.outcome === 'error' ? 'error' : r.outcome === 'created' ? 'created' : 'would create'} ${r.kind ?? 'actor'} "${r.name ?? ''}"`;

/**
 * `import actors`: prints the outcome of every row. A file with errors imports nothing: the
 * errors go to standard error and the exit code is 1 (for a dry run too).
 */
export async function runImportActors(
  ctx: AppContext,
  opts: ImportActorsOptions,
  print: (line: string) => void = out,
  printError: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const upload = readActorFile(opts.file);
  const w = await requireWorkspaceBySlug(ctx, opts.workspace);
  const report = await importActors(ctx, { kind: 'system' }, w.id, {
    ...upload,
    dryRun: opts.dryRun,
  });
  for (const r of report.rows) {
    print(describeRow(r));
    for (const warning of r.warnings) print(`  warning: ${warning.detail}`);
  }
  if (!report.valid) {
    printError('Dry run: the real import would import nothing, the file has errors:');
    for (const e of report.errors) printError(`  - ${e.pointer}: ${e.detail}`);
    return 1;
  }
  print(
    report.dryRun
      ? `Dry run: ${report.rows.length} actor(s) would be created; nothing was written.`
      : `Created ${report.created} actor(s).`,
  );
  return 0;
}

/** `import actors <file> --workspace <slug> [--dry-run]`: checks its arguments before opening a database. */
export const importActorsCommand: Run = (v, positionals) => {
  const a = required(v, 'workspace');
  const file = positionals[0];
  if (!file || positionals.length !== 1) throw new UsageError('Give exactly one file.');
  formatOf(file);
  return withContext((ctx) =>
    runImportActors(ctx, { file, workspace: a.workspace ?? '', dryRun: v['dry-run'] === true }),
  );
};

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oneOf, required, UsageError, type Run } from '../../cli/args.ts';
import { out } from '../../cli/output.ts';
import type { AppContext } from '../../context.ts';
import type { DelimiterName } from '../exchange/csv.ts';

// `wijkdragers export network`: the same files as the API's exports, as the system (every actor
// visible), audited like them. `--round <id>`: a closed survey round's network, as the API's
// `?round=` (its survey ties, every member a node, trust and value from its ratings).

export const exportFormats = ['gexf', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportNetworkOptions {
  workspace: string;
  format: ExportFormat;
  asOf?: string | undefined;
  /** A closed survey round's id: its frozen snapshot instead of the recorded ties of a day. */
  round?: string | undefined;
  /** gexf/graphml: a file (standard output without it); csv: a directory for the three files. */
  out?: string | undefined;
  pseudonymise?: boolean | undefined;
  delimiter?: DelimiterName | undefined;
}

export async function runExportNetwork(
  ctx: AppContext,
  opts: ExportNetworkOptions,
  write: (text: string) => void = (text) => process.stdout.write(text),
  print: (line: string) => void = out,
): Promise<number> {
  const [{ requireWorkspaceBySlug }, { exportNetworkFile }] = await Promise.all([
    import('../workspaces/service.ts'),
    import('./export-service.ts'),
  ]);
  const ws = await requireWorkspaceBySlug(ctx, opts.workspace);
  const file = (kind: 'gexf' | 'graphml' | 'nodes' | 'edges' | 'codebook') =>
    exportNetworkFile(ctx, { kind: 'system' }, ws, kind, {
      asOf: opts.asOf,
      round: opts.round,
      pseudonymise: opts.pseudonymise,
      delimiter: opts.delimiter,
    });
  const note = `${opts.round ? `, survey round ${opts.round}` : ''}${
    opts.pseudonymise ? ', persons pseudonymised' : ''
  }`;
  try {
    if (opts.format === 'csv') {
      const dir = opts.out ?? '.';
      mkdirSync(dir, { recursive: true });
      for (const [kind, name] of [
        ['nodes', 'network-nodes.csv'],
        ['edges', 'network-edges.csv'],
        ['codebook', 'network-codebook.csv'],
      ] as const)
        writeFileSync(join(dir, name), (await file(kind)).body);
      print(
        `Wrote network-nodes.csv, network-edges.csv and network-codebook.csv to ${dir}${note}.`,
      );
      return 0;
    }
    const f = await file(opts.format);
    if (opts.out === undefined) {
      write(f.body);
      return 0;
    }
    writeFileSync(opts.out, f.body);
    print(`Wrote the network (${opts.format}${note}) to ${opts.out}.`);
    return 0;
  } catch (err) {
    // A file system error (it has a syscall), not the export's own AppError (which has a code too).
    if ((err as NodeJS.ErrnoException).syscall)
      throw new UsageError(`Cannot write ${opts.out ?? '.'}: ${(err as Error).message}`);
    throw err;
  }
}

const isUuid = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

const isDate = (s: string) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s)
  );
};

/** Checks the arguments before a database is opened. */
export function exportNetworkOptions(v: Record<string, unknown>): ExportNetworkOptions {
  const a = required(v, 'workspace', 'format');
  const format = oneOf(a.format ?? '', exportFormats, 'format');
  const asOf = v['as-of'];
  if (asOf !== undefined && (typeof asOf !== 'string' || !isDate(asOf)))
    throw new UsageError('--as-of must be a date, YYYY-MM-DD');
  const round = v.round;
  if (round !== undefined && (typeof round !== 'string' || !isUuid(round)))
    throw new UsageError('--round must be the id of a survey round');
  if (round !== undefined && asOf !== undefined)
    throw new UsageError('--round and --as-of exclude each other: a round has its own day');
  if (v.out !== undefined && (typeof v.out !== 'string' || v.out === ''))
    throw new UsageError('--out needs a file or directory name');
  const delimiter =
    v.delimiter === undefined
      ? undefined
      : oneOf(String(v.delimiter), ['semicolon', 'comma'] as const, 'delimiter');
  return {
    workspace: a.workspace ?? '',
    format,
    asOf: asOf as string | undefined,
    round: round as string | undefined,
    out: v.out as string | undefined,
    pseudonymise: v.pseudonymise === true,
    delimiter,
  };
}

/**
 * `export network --workspace <slug> --format gexf|graphml|csv [--as-of | --round] [--out]
 * [--pseudonymise]`.
 */
export const exportNetworkCommand: Run = async (v) => {
  const opts = exportNetworkOptions(v);
  const { withContext } = await import('../../cli/runtime.ts');
  return withContext((ctx) => runExportNetwork(ctx, opts));
};

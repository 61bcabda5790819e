import { writeFileSync } from 'node:fs';
import type { AppContext } from '../context.ts';
import { exportHsds } from '../modules/exchange/service.ts';
import { requireWorkspaceBySlug } from '../modules/workspaces/service.ts';
import { required, UsageError, type Run } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

export interface ExportHsdsOptions {
  workspace: string;
  /** A file to write; without it the JSON goes to standard output. */
  out?: string | undefined;
}

/**
 * Writes the workspace's HSDS 3.0 export (every public organisation in one page) to a file, or to
 * standard output so it can be piped. Returns the exit code.
 */
export async function runExportHsds(
  ctx: AppContext,
  opts: ExportHsdsOptions,
  write: (text: string) => void = (text) => process.stdout.write(text),
  print: (line: string) => void = out,
): Promise<number> {
  const w = await requireWorkspaceBySlug(ctx, opts.workspace);
  const doc = await exportHsds(ctx, { kind: 'system' }, w.id);
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (opts.out === undefined) {
    write(json);
    return 0;
  }
  try {
    writeFileSync(opts.out, json);
  } catch (err) {
    throw new UsageError(`Cannot write ${opts.out}: ${(err as Error).message}`);
  }
  const services = doc.contents.reduce((n, o) => n + o.services.length, 0);
  print(
    `Wrote ${doc.total_items} organisation(s) with ${services} service(s) to ${opts.out} (HSDS 3.0).`,
  );
  return 0;
}

/** `export hsds --workspace <slug> [--out <file>]`: checks its arguments before opening a database. */
export const exportHsdsCommand: Run = (v) => {
  const a = required(v, 'workspace');
  if (v.out !== undefined && (typeof v.out !== 'string' || v.out === ''))
    throw new UsageError('--out needs a file name');
  return withContext((ctx) =>
    runExportHsds(ctx, { workspace: a.workspace ?? '', out: v.out as string | undefined }),
  );
};

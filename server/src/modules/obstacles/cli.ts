import { writeFileSync } from 'node:fs';
import { required, UsageError, type Run } from '../../cli/args.ts';
import { out } from '../../cli/output.ts';
import type { AppContext } from '../../context.ts';
import type { ReportFormat } from './insight-service.ts';
import { closePdfBrowser, htmlToPdf, PdfUnavailable, warmUpPdf } from './pdf.ts';

// `wijkdragers report obstacles`: the yearly systeemleren report from the command line.

/** PDF through the same printer as the API (pdf.ts); without Chromium the command says so. */
async function toPdf(html: string): Promise<Buffer> {
  try {
    return await htmlToPdf(html);
  } catch (err) {
    if (err instanceof PdfUnavailable)
      throw new UsageError(`${err.message} Use --format html and print it to PDF.`);
    throw err;
  }
}

export async function runReportObstacles(
  ctx: AppContext,
  opts: { workspace: string; year: number; format: ReportFormat; out?: string | undefined },
  write: (data: string | Buffer) => void = (d) => process.stdout.write(d),
): Promise<number> {
  // Chromium starts while the data is read (already running when the command started it).
  if (opts.format === 'pdf') warmUpPdf();
  try {
    // Imported after Chromium was asked to start, so that both load at once (about a second each).
    const [{ requireWorkspaceBySlug }, { yearlyReport }] = await Promise.all([
      import('../workspaces/service.ts'),
      import('./insight-service.ts'),
    ]);
    const w = await requireWorkspaceBySlug(ctx, opts.workspace);
    const file = await yearlyReport(
      ctx,
      { kind: 'system' },
      w.id,
      opts.year,
      opts.format === 'csv' ? 'csv' : 'html',
    );
    const data = opts.format === 'pdf' ? await toPdf(String(file.body)) : file.body;
    if (opts.out === undefined) {
      write(data);
      return 0;
    }
    writeFileSync(opts.out, data);
    out(`Wrote the ${opts.year} obstacle report (${opts.format}) to ${opts.out}.`);
    return 0;
  } finally {
    if (opts.format === 'pdf') await closePdfBrowser();
  }
}

/** `report obstacles --workspace <slug> --year <yyyy> --format html|pdf|csv [--out <file>]`. */
export const reportObstaclesCommand: Run = async (v) => {
  const a = required(v, 'workspace', 'year');
  const year = Number(a.year);
  if (!/^\d{4}$/.test(a.year ?? '') || year < 2000 || year > 2100)
    throw new UsageError('--year must be a year, e.g. 2026');
  const format = (v.format ?? 'html') as string;
  if (!['html', 'pdf', 'csv'].includes(format))
    throw new UsageError('--format must be html, pdf or csv');
  if (format === 'pdf' && v.out === undefined)
    throw new UsageError('--format pdf needs --out <file>');
  // Chromium starts while the database code is loaded, the database opened and the data read;
  // it is closed whatever happens, or its pipe would keep this process alive.
  if (format === 'pdf') warmUpPdf();
  try {
    const { withContext } = await import('../../cli/runtime.ts');
    return await withContext((ctx) =>
      runReportObstacles(ctx, {
        workspace: a.workspace ?? '',
        year,
        format: format as ReportFormat,
        out: v.out as string | undefined,
      }),
    );
  } finally {
    await closePdfBrowser();
  }
};

import { writeFileSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';
import { required, UsageError, type Command } from '../../cli/args.ts';
import { out } from '../../cli/output.ts';
import { withContext } from '../../cli/runtime.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspaceBySlug } from '../workspaces/service.ts';
import { yearlyReport } from './insight-service.ts';

// `wijkdragers report obstacles`: the yearly systeemleren report from the command line.

export type ReportFormat = 'html' | 'pdf' | 'csv';

/**
 * PDF is printed from the HTML by the Chromium that the browser tests use (playwright-core, a
 * development dependency, and Debian `chromium`); without them the command says so.
 */
async function htmlToPdf(html: string): Promise<Buffer> {
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new UsageError(
      'PDF needs playwright-core and Chromium (/usr/bin/chromium); use --format html and print it to PDF.',
    );
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' }).catch(() => {
    throw new UsageError('PDF needs Chromium at /usr/bin/chromium; use --format html instead.');
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm' } });
  } finally {
    await browser.close();
  }
}

export async function runReportObstacles(
  ctx: AppContext,
  opts: { workspace: string; year: number; format: ReportFormat; out?: string | undefined },
  write: (data: string | Buffer) => void = (d) => process.stdout.write(d),
): Promise<number> {
  const w = await requireWorkspaceBySlug(ctx, opts.workspace);
  const file = await yearlyReport(
    ctx,
    { kind: 'system' },
    w.id,
    opts.year,
    opts.format === 'csv' ? 'csv' : 'html',
  );
  const data = opts.format === 'pdf' ? await htmlToPdf(file.body) : file.body;
  if (opts.out === undefined) {
    write(data);
    return 0;
  }
  writeFileSync(opts.out, data);
  out(`Wrote the ${opts.year} obstacle report (${opts.format}) to ${opts.out}.`);
  return 0;
}

export const reportObstaclesCommand: Command = {
  name: 'report obstacles',
  summary:
    'Write the yearly systeemleren report of the obstacle register (Dutch HTML, PDF or CSV); small counts are suppressed.',
  usage: 'report obstacles --workspace <slug> --year <yyyy> --format html|pdf|csv [--out <file>]',
  options: {
    workspace: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run: (v) => {
    const a = required(v, 'workspace', 'year');
    const year = Number(a.year);
    if (!/^\d{4}$/.test(a.year ?? '') || year < 2000 || year > 2100)
      throw new UsageError('--year must be a year, e.g. 2026');
    const format = (v.format ?? 'html') as string;
    if (!['html', 'pdf', 'csv'].includes(format))
      throw new UsageError('--format must be html, pdf or csv');
    if (format === 'pdf' && v.out === undefined)
      throw new UsageError('--format pdf needs --out <file>');
    return withContext((ctx) =>
      runReportObstacles(ctx, {
        workspace: a.workspace ?? '',
        year,
        format: format as ReportFormat,
        out: v.out as string | undefined,
      }),
    );
  },
};

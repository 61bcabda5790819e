import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../context.ts';
import { required, UsageError, type Run } from './args.ts';
import { out } from './output.ts';

// `wijkdragers research export --study <id> --out <dir>`: the study's whole export as files in a
// directory, made as the system (the study's steward), filtered by consent and logged with
// channel `cli` like the API's downloads.

export interface ResearchExportOptions {
  study: string;
  out: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readme(title: string, generatedAt: string): string {
  return [
    `Research export: ${title}`,
    `Made ${generatedAt} with \`wijkdragers research export\`.`,
    '',
    'answers.csv    one row per answer: pseudonym, wave, wave_date, item, value, value_label',
    'wide.csv       one row per pseudonym, one column <item code>_w<wave number> per item and wave',
    'codebook.json  waves, variables with prompts (nl/en) and value labels, qualitative codes',
    'codebook.md    the same codebook for reading',
    'segments.csv   coded text segments: pseudonym, wave, source, source_id, code, code_path,',
    '               start, end, text (offsets in UTF-16 code units)',
    '',
    'CSV files: UTF-8 with a byte order mark, comma-separated, RFC 4180 quoting. In R:',
    '  readr::read_csv("answers.csv")   In SPSS: GET DATA /TYPE=TXT /ENCODING=UTF8.',
    '',
    'Everything is pseudonymised: participants appear as pseudonyms (P-…) only. Participants',
    'whose current consent does not allow an export are left out. This export is logged.',
    'Handle these files as personal data under the study’s data management plan.',
    '',
  ].join('\r\n');
}

/** Writes the six files; returns the exit code. */
export async function runResearchExport(
  ctx: AppContext,
  opts: ResearchExportOptions,
  print: (line: string) => void = out,
): Promise<number> {
  const [{ studyHome }, { runExport }, { notFound }] = await Promise.all([
    import('../modules/research/analysis-repo.ts'),
    import('../modules/research/export-service.ts'),
    import('../http/problem.ts'),
  ]);
  const home = await studyHome(ctx.db, opts.study);
  if (!home) throw notFound('No such study.');
  const { findStudyIn } = await import('../modules/research/study-repo.ts');
  const study = await findStudyIn(ctx.db, home.workspace_id, home.id);
  try {
    // Personal data (pseudonymised): readable by the exporting user only.
    mkdirSync(opts.out, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new UsageError(`Cannot write ${opts.out}: ${(err as Error).message}`);
  }
  const files = await runExport(
    ctx,
    { kind: 'system' },
    home.workspace_id,
    home.id,
    ['answers', 'wide', 'codebookJson', 'codebookMd', 'segments'],
    { channel: 'cli' },
  );
  try {
    for (const f of files) writeFileSync(join(opts.out, f.filename), f.body, { mode: 0o600 });
    writeFileSync(
      join(opts.out, 'README.txt'),
      readme(study?.title ?? home.id, ctx.clock.now().toISOString()),
      { mode: 0o600 },
    );
  } catch (err) {
    throw new UsageError(`Cannot write ${opts.out}: ${(err as Error).message}`);
  }
  print(
    `Wrote ${[...files.map((f) => f.filename), 'README.txt'].join(', ')} to ${opts.out} (logged).`,
  );
  return 0;
}

/** Checks the arguments before a database is opened. */
export function researchExportOptions(v: Record<string, unknown>): ResearchExportOptions {
  const a = required(v, 'study', 'out');
  if (!UUID.test(a.study ?? '')) throw new UsageError('--study must be a study id (a UUID)');
  return { study: (a.study ?? '').toLowerCase(), out: a.out ?? '' };
}

/** `research export --study <id> --out <dir>`. */
export const researchExportCommand: Run = async (v) => {
  const opts = researchExportOptions(v);
  const { withContext } = await import('./runtime.ts');
  return withContext((ctx) => runResearchExport(ctx, opts));
};

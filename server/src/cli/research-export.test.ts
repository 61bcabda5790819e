import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { AppError } from '../http/problem.ts';
import {
  analysisFixture,
  emailOf,
  NAMES,
  type AnalysisFixture,
} from '../modules/research/analysis-fixture.ts';
import { UsageError } from './args.ts';
import { commands } from './commands.ts';
import {
  researchExportCommand,
  researchExportOptions,
  runResearchExport,
} from './research-export.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-research-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = [
  'README.txt',
  'answers.csv',
  'codebook.json',
  'codebook.md',
  'segments.csv',
  'wide.csv',
];

describe('research export: usage', () => {
  it('needs --study (an id) and --out, before touching a database', async () => {
    expect(() => researchExportOptions({})).toThrow(new UsageError('Missing --study, --out'));
    expect(() => researchExportOptions({ study: 'abc', out: 'x' })).toThrow(
      new UsageError('--study must be a study id (a UUID)'),
    );
    await expect(researchExportCommand({ out: 'x' }, [])).rejects.toThrow(UsageError);
    expect(commands.find((c) => c.name === 'research export')?.usage).toBe(
      'research export --study <id> --out <dir>',
    );
  });
});

describeEachDialect('wijkdragers research export', (dialect) => {
  const t = useTestApp(dialect);
  let f: AnalysisFixture;

  beforeAll(async () => {
    f = await analysisFixture(t);
    await f.firstWave();
    await f.secondWave();
    await f.give(f.D.id, 'withdrawn');
  });

  it('writes the six files, consent-filtered, and logs the export with channel cli', async () => {
    const out = join(dir, `export-${dialect}`);
    const lines: string[] = [];
    expect(await runResearchExport(t().ctx, { study: f.studyId, out }, (l) => lines.push(l))).toBe(
      0,
    );
    expect(readdirSync(out).sort()).toEqual(FILES);
    // Personal data: the folder and its files are for the exporting user only.
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const name of FILES) expect(statSync(join(out, name)).mode & 0o777, name).toBe(0o600);
    expect(lines).toEqual([
      `Wrote answers.csv, wide.csv, codebook.json, codebook.md, segments.csv, README.txt to ${out} (logged).`,
    ]);
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(read('wide.csv').split('\r\n')[0]).toBe(
      '\uFEFFpseudonym,trust_w1,role_w1,open_w1,trust_w2,role_w2,names_w2',
    );
    // A (4), B (4), C (2) and E (1); D withdrew.
    expect(read('answers.csv').trim().split('\r\n')).toHaveLength(1 + 11);
    expect(read('answers.csv')).not.toContain(f.D.pseudonym);
    expect(JSON.parse(read('codebook.json')).study.title).toBe('Dragers 2015–2025');
    expect(read('README.txt')).toContain('pseudonym');
    for (const name of FILES)
      for (const c of [...NAMES, ...NAMES.map(emailOf), f.carrier.id, f.carrier2.id])
        expect(read(name)).not.toContain(c);

    const log = await t()
      .ctx.db.selectFrom('research_exports')
      .selectAll()
      .where('study_id', '=', f.studyId)
      .execute();
    expect(
      log.map((l) => [l.channel, l.part, l.participant_count, l.excluded_count, l.user_id]),
    ).toEqual([['cli', 'all', 4, 1, null]]);
    const audits = await t()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', f.studyId)
      .where('action', '=', 'export')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('an unknown study is an error (exit 1 through main)', async () => {
    await expect(
      runResearchExport(t().ctx, {
        study: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        out: join(dir, 'x'),
      }),
    ).rejects.toThrow(AppError);
  });
});

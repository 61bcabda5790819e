import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import { seedAreas, snapshot } from '../modules/exchange/testing/records.ts';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { seedWorkspace } from '../../test/session.ts';
import { UsageError } from './args.ts';
import { commands } from './commands.ts';
import { importActorsCommand, readActorFile, runImportActors } from './import-actors.ts';

const FIXTURES = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../test/fixtures/sociale-kaart',
);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-actors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import actors: usage', () => {
  it('wants one .csv or .xlsx file and --workspace, before touching a database', () => {
    const run = (v: Record<string, string | boolean>, files: string[]) => () =>
      importActorsCommand(v, files);
    expect(run({}, ['a.csv'])).toThrow(new UsageError('Missing --workspace'));
    expect(run({ workspace: 'x' }, [])).toThrow(new UsageError('Give exactly one file.'));
    expect(run({ workspace: 'x' }, ['a.csv', 'b.csv'])).toThrow(UsageError);
    expect(run({ workspace: 'x' }, ['lijst.ods'])).toThrow(/\.csv or \.xlsx/);
    expect(() => readActorFile(join(dir, 'missing.csv'))).toThrow(/Cannot read/);
    expect(commands.find((c) => c.name === 'import actors')?.usage).toBe(
      'import actors <file.csv|file.xlsx> --workspace <slug> [--dry-run]',
    );
  });
});

describeEachDialect('wijkdragers import actors', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin']);
    slug = a.ws.slug;
    await seedAreas(t().ctx, a.ws.id);
  });

  const run = async (file: string, dryRun: boolean) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImportActors(
      t().ctx,
      { file, workspace: slug, dryRun },
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  };

  it('--dry-run prints every row and writes nothing; then the import creates them', async () => {
    const file = join(FIXTURES, 'sociale-kaart-nl.csv');
    const before = await snapshot(t().ctx);
    const dry = await run(file, true);
    expect(dry.code).toBe(0);
    expect(dry.out).toEqual([
      'row 2: would create organisation "Buurthuis De Linde"',
      'row 3: would create organisation "Voedselbank Noord"',
      'row 4: would create person "Fatima El Amrani"',
      '  warning: A person stays private until their consent is recorded.',
      'row 5: would create organisation "Zorgcoöperatie Café Ü"',
      'Dry run: 4 actor(s) would be created; nothing was written.',
    ]);
    expect(await snapshot(t().ctx)).toEqual(before);
    const real = await run(file, false);
    expect(real.code).toBe(0);
    expect(real.out.at(-1)).toBe('Created 4 actor(s).');
    expect(real.out[0]).toBe('row 2: created organisation "Buurthuis De Linde"');
  });

  it('imports an .xlsx file', async () => {
    const file = join(dir, `lijst-${dialect}.xlsx`);
    await writeXlsxFile([
      [{ value: 'Name' }, { value: 'orgKind' }, { value: 'Areas' }],
      [{ value: 'Excel Foundation' }, { value: 'foundation' }, { value: 'WK059901' }],
    ]).toFile(file);
    const r = await run(file, false);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out).toEqual([
      'row 2: created organisation "Excel Foundation"',
      'Created 1 actor(s).',
    ]);
  });

  it('a Windows-1252 file: the dry run names the row and exits 1; the import refuses it', async () => {
    const file = join(dir, `ansi-${dialect}.csv`);
    writeFileSync(
      file,
      Buffer.from('naam;organisatievorm\nGoed;fonds\nCafé Zuid;fonds\n', 'latin1'),
    );
    const before = await snapshot(t().ctx);
    const dry = await run(file, true);
    expect(dry.code).toBe(1);
    expect(dry.out).toEqual([
      'row 2: would create organisation "Goed"',
      'row 3: error organisation "Caf\uFFFD Zuid"',
    ]);
    expect(dry.err).toEqual([
      'Dry run: the real import would import nothing, the file has errors:',
      '  - /rows/3: Row 3: The row is not valid UTF-8 text: save the file as "CSV UTF-8".',
    ]);
    const error = await run(file, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('Nothing was imported: 1 row(s) have errors.');
    expect((error as AppError).errors.map((e) => e.pointer)).toEqual(['/rows/3']);
    expect(await snapshot(t().ctx)).toEqual(before);
  });
});

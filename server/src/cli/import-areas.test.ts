import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CBS_DATA_DIR, HAVE_CBS_DATA } from '../../test/cbs-data.ts';
import { writeNationalFile } from '../demo/national-geojson.ts';
import { progressPrinter } from './import-areas.ts';
import { startFakePdok, type FakePdok } from '../../test/fake-pdok.ts';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '../../test/harness.ts';

const SLOW = 120_000;
const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/wijkdragers.mjs');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Result> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'DATA_DIR', 'NODE_ENV'].includes(k),
    ),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end();
  });
}

let dir = '';
let national = '';
let pdok: FakePdok | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wd-import-'));
  national = join(dir, 'national.geojson');
  await writeNationalFile(national, { buurten: 400, gemeenten: 10 });
  if (HAVE_CBS_DATA) pdok = await startFakePdok({ maxLimit: 40 });
});
afterAll(async () => {
  await pdok?.close();
  rmSync(dir, { recursive: true, force: true });
});

describeEachDialect('wijkdragers import areas / indicators', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string> = {};
  let slug = '';
  beforeAll(async () => {
    db =
      dialect === 'postgres'
        ? await createTestDatabase('postgres')
        : { dialect, url: `sqlite:${join(dir, 'import.db')}`, drop: async () => undefined };
    env = { DATABASE_URL: db.url, DATA_DIR: dir };
    const r = await cli(
      ['workspace', 'create', '--name', 'Rotterdam', '--gemeentecode', 'GM0599'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    slug = r.stdout.trim();
  }, SLOW);
  afterAll(async () => db.drop());

  it(
    'a bad file prints every bad feature and exits 1; nothing is imported',
    async () => {
      const file = join(dir, `bad-${dialect}.geojson`);
      const square = [
        [4.4, 51.9],
        [4.5, 51.9],
        [4.5, 52],
        [4.4, 51.9],
      ];
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { id: 'BU05990110' },
              geometry: { type: 'Polygon', coordinates: [square] },
            },
            {
              type: 'Feature',
              properties: { id: 'XX1' },
              geometry: { type: 'Polygon', coordinates: [square] },
            },
            {
              type: 'Feature',
              properties: { id: 'BU05990111' },
              geometry: { type: 'LineString', coordinates: square },
            },
          ],
        }),
      );
      const r = await cli(['import', 'areas', file, '--workspace', slug, '--year', '2024'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Nothing was imported');
      expect(r.stderr).toContain('/features/1: XX1:');
      expect(r.stderr).toContain('/features/2: BU05990111:');
      const usage = await cli(['import', 'areas', file, '--workspace', slug], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/give --year/);
    },
    SLOW,
  );

  it.skipIf(!HAVE_CBS_DATA)(
    'imports the Rotterdam buurten and kerncijfers, printing the mapping and counts',
    async () => {
      const areas = await cli(
        [
          'import',
          'areas',
          join(CBS_DATA_DIR, 'rotterdam_buurten.geojson'),
          '--workspace',
          slug,
          '--year',
          '2014',
        ],
        env,
      );
      expect(areas.code, areas.stderr).toBe(0);
      expect(areas.stdout).toContain('Mapping: simple; CRS: EPSG:4326; year: 2014');
      expect(areas.stdout).toContain('Created 92, updated 0 area(s).');
      const indicators = await cli(
        [
          'import',
          'indicators',
          join(CBS_DATA_DIR, 'rotterdam_kerncijfers_statline.json'),
          '--workspace',
          slug,
          '--year',
          '2017',
        ],
        env,
      );
      expect(indicators.code, indicators.stderr).toBe(0);
      expect(indicators.stdout).toContain(
        'for 115 area(s) (147 missing); 23 area(s) without a boundary created',
      );
    },
    SLOW,
  );

  it(
    '--pdok: usage errors exit 2',
    async () => {
      const pdokArgs = ['import', 'areas', '--pdok', '--workspace', slug];
      // Refused before a database or PDOK is touched: the four processes can run at once.
      const [both, badCode, noYear, codeWithFile] = await Promise.all([
        cli([...pdokArgs, 'x.geojson', '--gemeentecode', 'GM0599', '--year', '2024'], env),
        cli([...pdokArgs, '--gemeentecode', 'GM599', '--year', '2024'], env),
        cli([...pdokArgs, '--gemeentecode', 'GM0599'], env),
        cli(['import', 'areas', 'x.geojson', '--workspace', slug, '--gemeentecode', 'GM0599'], env),
      ]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('Give either a file or --pdok, not both.');
      expect(badCode.code).toBe(2);
      expect(badCode.stderr).toContain('--gemeentecode must be a CBS gemeentecode');
      expect(noYear.code).toBe(2);
      expect(noYear.stderr).toContain('Missing --year');
      expect(codeWithFile.code).toBe(2);
    },
    SLOW,
  );

  it.skipIf(!HAVE_CBS_DATA)(
    '--pdok: a failing PDOK exits 1 with a clear message; then the 92 buurten import over 3 pages',
    async () => {
      const fake = pdok as FakePdok;
      const args = [
        'import',
        'areas',
        '--pdok',
        '--gemeentecode',
        'GM0599',
        '--year',
        '2024',
        '--workspace',
        slug,
      ];
      const pdokEnv = { ...env, PDOK_WIJKENBUURTEN_URL: fake.baseUrl };
      fake.mode = 'error';
      const failed = await cli(args, pdokEnv);
      fake.mode = 'ok';
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(
        /Nothing was imported: PDOK answered HTTP 500 .*for http:\/\/127\.0\.0\.1:\d+\/cbs\/wijken-en-buurten-2024\//,
      );
      fake.requests.length = 0;
      const r = await cli(args, pdokEnv);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Fetched 92 feature(s) in 3 page(s) from PDOK.');
      expect(r.stdout).toContain('Mapping: pdok; CRS: EPSG:4326; year: 2024');
      expect(r.stdout).toContain('Created 92, updated 0 area(s).');
      expect(fake.requests).toHaveLength(3);
    },
    SLOW,
  );

  it(
    'streams a national file: --dry-run previews, then the import prints progress and counts',
    async () => {
      const args = ['import', 'areas', national, '--workspace', slug, '--all-municipalities'];
      const dry = await cli([...args, '--dry-run'], env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('Mapping: cbs; CRS: EPSG:28992; year: 2024');
      expect(dry.stdout).toContain(
        'Dry run: would create 400, update 0 area(s) (gemeente 0, wijk 0, buurt 400); nothing was written.',
      );
      const r = await cli(args, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Mapping: cbs; CRS: EPSG:28992; year: 2024');
      expect(r.stdout).toContain('Created 400, updated 0 area(s).');
      // Not a terminal: a line per tenth of each pass on stderr.
      expect(r.stderr).toMatch(/^Checking 100% {2}[\d.]+ of [\d.]+ MB \([\d.]+ s\)$/m);
      expect(r.stderr).toMatch(/^Writing {2}100% {2}400 of 400 areas \([\d.]+ s\)$/m);
      const municipal = await cli(['import', 'areas', national, '--workspace', slug], env);
      expect(municipal.code).toBe(1);
      expect(municipal.stderr).toMatch(
        /\/features\/0: BU\d{8}: BU\d{8} is not in municipality GM0599/,
      );
    },
    SLOW,
  );

  it(
    'a truncated file exits 1 naming the feature it ends in',
    async () => {
      const file = join(dir, `truncated-${dialect}.geojson`);
      const text = readFileSync(national, 'utf8');
      writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      const r = await cli(['import', 'areas', file, '--workspace', slug], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /\/: The file is not valid JSON: it ends in feature \d+ \(truncated\?\)/,
      );
    },
    SLOW,
  );
});

describe('import progress on a terminal', () => {
  it('redraws one bar per pass in place', () => {
    let written = '';
    const stream = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          written += chunk.toString();
          cb();
        },
      }),
      { isTTY: true },
    ) as unknown as NodeJS.WriteStream;
    const p = progressPrinter(stream);
    p.update({ phase: 'checking', done: 50_000_000, total: 100_000_000, unit: 'bytes' });
    p.update({ phase: 'checking', done: 100_000_000, total: 100_000_000, unit: 'bytes' });
    p.update({ phase: 'writing', done: 14_000, total: 14_000, unit: 'features' });
    p.end();
    expect(written).toMatch(/^\r█{15}░{15} Checking {2}50% {2}50\.0 of 100\.0 MB/);
    expect(written).toContain(`\r${'█'.repeat(30)} Checking 100%  100.0 of 100.0 MB`);
    expect(written).toContain(`\n\r${'█'.repeat(30)} Writing  100%  14,000 of 14,000 areas`);
    expect(written.endsWith('\n')).toBe(true);
  });
});

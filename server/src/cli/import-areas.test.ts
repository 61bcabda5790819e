import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CBS_DATA_DIR, HAVE_CBS_DATA } from '../../test/cbs-data.ts';
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
let pdok: FakePdok | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wd-import-'));
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
      const both = await cli(
        [...pdokArgs, 'x.geojson', '--gemeentecode', 'GM0599', '--year', '2024'],
        env,
      );
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('Give either a file or --pdok, not both.');
      const badCode = await cli([...pdokArgs, '--gemeentecode', 'GM599', '--year', '2024'], env);
      expect(badCode.code).toBe(2);
      expect(badCode.stderr).toContain('--gemeentecode must be a CBS gemeentecode');
      const noYear = await cli([...pdokArgs, '--gemeentecode', 'GM0599'], env);
      expect(noYear.code).toBe(2);
      expect(noYear.stderr).toContain('Missing --year');
      const codeWithFile = await cli(
        ['import', 'areas', 'x.geojson', '--workspace', slug, '--gemeentecode', 'GM0599'],
        env,
      );
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
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../context.ts';
import { nationalBuurten, writeNationalFile } from '../../demo/national-geojson.ts';
import { AppError } from '../../http/problem.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { createWorkspace } from '../workspaces/service.ts';
import { importAreaFile, importAreas } from './import-service.ts';
import type { AreaImportProgress } from './import/pipeline.ts';
import { SPOOL_PREFIX } from './import/spool.ts';
import { countAreas } from './repo.ts';

const system: Actor = { kind: 'system' };
const BUURTEN = 600;
const fromFile = (stated: number | undefined) => stated ?? 0;

let dir = '';
let national = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wd-stream-'));
  national = join(dir, 'national.geojson');
  await writeNationalFile(national, { buurten: BUURTEN, gemeenten: 20 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const pointers = (e: AppError) => e.errors.map((x) => [x.pointer, x.code]);

describeEachDialect('area imports: streamed files', (dialect) => {
  const t = useTestApp(dialect);
  let n = 0;
  const workspace = async () =>
    createWorkspace(t().ctx, { name: `Land ${dialect} ${++n}`, gemeentecode: 'GM0003' });

  it('imports a national file (every municipality) exactly, reporting progress of both passes', async () => {
    const ws = await workspace();
    const events: AreaImportProgress[] = [];
    const r = await importAreaFile(t().ctx, system, ws.id, national, {
      year: fromFile,
      allMunicipalities: true,
      onProgress: (p) => void events.push(p),
    });
    expect(r).toEqual({
      mapping: 'cbs',
      crs: 'EPSG:28992',
      created: BUURTEN,
      updated: 0,
      errors: [],
    });
    const checking = events.filter((e) => e.phase === 'checking');
    const writing = events.filter((e) => e.phase === 'writing');
    const size = readFileSync(national).length;
    expect(
      checking.every(
        (e, i) => e.unit === 'bytes' && e.total === size && e.done >= (checking[i - 1]?.done ?? 0),
      ),
    ).toBe(true);
    expect(checking.at(-1)?.done).toBe(size);
    expect(writing.map((e) => e.done)).toEqual([200, 400, 600]);
    expect(events.indexOf(writing[0] as AreaImportProgress)).toBeGreaterThan(
      events.indexOf(checking.at(-1) as AreaImportProgress),
    );

    const first = nationalBuurten({ buurten: BUURTEN, gemeenten: 20 }).next().value;
    const row = await t()
      .ctx.db.selectFrom('areas')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('code', '=', String(first?.properties.BU_CODE))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: first?.properties.BU_NAAM,
      population: first?.properties.AANT_INW,
      level: 'buurt',
      parent_code: first?.properties.WK_CODE,
      cbs_year: 2024,
    });
    const [lon, lat] =
      (JSON.parse(row.geometry ?? '') as { coordinates: number[][][][] })
        .coordinates[0]?.[0]?.[0] ?? [];
    expect(lon).toBeGreaterThan(3.3);
    expect(lon).toBeLessThan(7.3);
    expect(lat).toBeGreaterThan(50.7);
    expect(lat).toBeLessThan(53.6);

    const again = await importAreaFile(t().ctx, system, ws.id, national, {
      year: 2024,
      allMunicipalities: true,
    });
    expect(again).toMatchObject({ created: 0, updated: BUURTEN });
    expect(await countAreas(t().ctx.db, ws.id)).toBe(BUURTEN);
  });

  it('a national file in a municipal workspace: every other municipality listed, nothing written', async () => {
    const ws = await workspace();
    const err = await failure(importAreaFile(t().ctx, system, ws.id, national, { year: 2024 }));
    expect(err.status).toBe(400);
    expect(err.errors.length).toBeGreaterThan(BUURTEN / 2);
    expect(err.errors.every((e) => e.code === 'other_municipality')).toBe(true);
    expect(await countAreas(t().ctx.db, ws.id)).toBe(0);
    // Workspace users cannot widen the scope; only the command line (system actor) can.
    const user: Actor = {
      kind: 'user',
      userId: 'u',
      via: 'session',
      memberships: [{ workspaceId: ws.id, role: 'admin' }],
    };
    const refused = await failure(
      importAreaFile(t().ctx, user, ws.id, national, { year: 2024, allMunicipalities: true }),
    );
    expect(refused.status).toBe(403);
  });

  it('lists the first 1000 problems and counts the rest', async () => {
    const ws = await workspace();
    const many = collection(
      Array.from({ length: 1200 }, (_, i) =>
        feature({ id: `BU0599${String(i).padStart(4, '0')}` }, polygon()),
      ),
    );
    const err = await failure(importAreas(t().ctx, system, ws.id, many, { year: 2024 }));
    expect(err.message).toBe('Nothing was imported: 1200 feature(s) are invalid.');
    expect(err.errors).toHaveLength(1001);
    expect(err.errors[999]).toMatchObject({ pointer: '/features/999', code: 'other_municipality' });
    expect(err.errors[1000]).toMatchObject({
      pointer: '/',
      code: 'too_many_errors',
      detail: '200 more problem(s) not listed (1000 are).',
    });
  });

  it('stops when aborted during the write pass and rolls every chunk back', async () => {
    const ws = await workspace();
    const controller = new AbortController();
    const p = importAreaFile(t().ctx, system, ws.id, national, {
      year: 2024,
      allMunicipalities: true,
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'writing' && e.done >= 400) controller.abort();
      },
    });
    await expect(p).rejects.toThrow();
    expect(await countAreas(t().ctx.db, ws.id)).toBe(0);
  });

  it('writes what it checked even when the file changes meanwhile, and leaves no spool behind', async () => {
    const ws = await workspace();
    const file = join(dir, `changing-${dialect}.geojson`);
    const text = readFileSync(national, 'utf8');
    writeFileSync(file, text);
    const spools = () =>
      readdirSync(tmpdir()).filter((f) => f.startsWith(`${SPOOL_PREFIX}${process.pid}-`));
    let during: string[] = [];
    const r = await importAreaFile(t().ctx, system, ws.id, file, {
      year: 2024,
      allMunicipalities: true,
      onProgress: (e) => {
        if (e.phase !== 'checking' || e.done !== e.total || during.length) return;
        during = spools();
        writeFileSync(file, '{"type": "FeatureCollection", "features": [');
      },
    });
    expect(during).toHaveLength(1);
    expect(r).toMatchObject({ created: BUURTEN });
    expect(await countAreas(t().ctx.db, ws.id)).toBe(BUURTEN);
    expect(spools()).toEqual([]);
    await failure(importAreaFile(t().ctx, system, ws.id, file, { year: 2024 }));
    expect(spools()).toEqual([]);
  });

  const square = [
    [4.47, 51.92],
    [4.48, 51.92],
    [4.48, 51.93],
    [4.47, 51.93],
    [4.47, 51.92],
  ];
  const bowTie = [
    [4.47, 51.92],
    [4.48, 51.93],
    [4.48, 51.92],
    [4.47, 51.93],
    [4.47, 51.92],
  ];
  const good = (i: number) =>
    feature(
      { BU_CODE: `BU059901${String(i).padStart(2, '0')}`, BU_NAAM: `Buurt ${i}` },
      { type: 'Polygon', coordinates: [square] },
    );
  const valid = JSON.stringify(collection([good(0), good(1), good(2)]));
  const cases: [string, () => Uint8Array, [string, string][], RegExp][] = [
    [
      'a self-intersecting polygon (the last feature)',
      () =>
        Buffer.from(
          JSON.stringify(
            collection([
              good(0),
              good(1),
              feature({ BU_CODE: 'BU05990102' }, { type: 'Polygon', coordinates: [bowTie] }),
            ]),
          ),
        ),
      [['/features/2', 'self_intersection']],
      /BU05990102: The polygon ring 0 crosses itself at \(4\.475, 51\.925\)/,
    ],
    [
      'a Windows-1252 file',
      () =>
        Buffer.concat([
          Buffer.from(valid.slice(0, valid.indexOf('Buurt 1') + 5)),
          Buffer.from([0xeb]),
          Buffer.from(valid.slice(valid.indexOf('Buurt 1') + 5)),
        ]),
      [
        ['/features/1', 'invalid_encoding'],
        ['/', 'invalid_encoding'],
      ],
      /BU05990101: Property BU_NAAM holds bytes that are not UTF-8/,
    ],
    [
      'a UTF-16 file',
      () => Buffer.from(`\uFEFF${valid}`, 'utf16le'),
      [['/', 'invalid_encoding']],
      /UTF-16/,
    ],
    [
      'a truncated file',
      () => Buffer.from(valid.slice(0, valid.indexOf('Buurt 2'))),
      [['/', 'invalid_json']],
      /ends in feature 2 \(truncated\?\)/,
    ],
  ];

  it.each(cases)(
    'refuses %s naming the feature and the reason; nothing is imported',
    async (name, bytes, expected, detail) => {
      const ws = await createWorkspace(t().ctx, {
        name: `Rotterdam ${dialect} ${++n}`,
        gemeentecode: 'GM0599',
      });
      const file = join(dir, `${name.replace(/\W+/g, '-')}-${dialect}.geojson`);
      writeFileSync(file, bytes());
      const err = await failure(importAreaFile(t().ctx, system, ws.id, file, { year: 2024 }));
      expect(err.code).toBe('invalid_area_file');
      expect(pointers(err)).toEqual(expected);
      expect(err.errors.map((e) => e.detail).join('\n')).toMatch(detail);
      expect(await countAreas(t().ctx.db, ws.id)).toBe(0);
    },
  );
});

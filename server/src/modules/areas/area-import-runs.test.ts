import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { nationalBuurten } from '../../demo/national-geojson.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { rdToWgs84 } from './import/crs.ts';
import { mapPositions, type AreaGeometry } from './import/geometry.ts';
import { countAreas } from './repo.ts';
import { areaImportRunsSettled, failInterruptedRuns, stopAreaImportRuns } from './runs.ts';

interface Run {
  id: string;
  status: string;
  done: number;
  total: number | null;
  report?: Record<string, unknown>;
  problem?: { code: string; detail: string; errors?: { pointer: string; code: string }[] };
}

/** `n` buurten of GM0599 in WGS84 (the national generator's shapes, renumbered). */
function buurten(n: number) {
  const out = [];
  let i = 0;
  for (const f of nationalBuurten({ buurten: n, gemeenten: 1 })) {
    const code = `BU0599${String(i++).padStart(4, '0')}`;
    out.push(
      feature(
        { BU_CODE: code, BU_NAAM: f.properties.BU_NAAM, AANT_INW: f.properties.AANT_INW },
        mapPositions(f.geometry as AreaGeometry, rdToWgs84),
      ),
    );
  }
  return collection(out);
}

describeEachDialect('area import runs (background) and previews', (dialect) => {
  const t = useTestApp(dialect);
  let coordinator: Browser;
  let member: Browser;
  let slug = '';
  let wsId = '';

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator', 'member']);
    slug = a.ws.slug;
    wsId = a.ws.id;
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
    member = new Browser(t().app);
    await member.login(a.users.member?.email ?? '');
  });

  const url = (path: string) => `/api/v1/workspaces/${slug}/${path}`;
  const start = (payload: object, who = coordinator) =>
    who.inject({ method: 'POST', url: url('area-import-runs'), payload });
  const get = (id: string, who = coordinator) =>
    who.inject({ method: 'GET', url: url(`area-import-runs/${id}`) });
  async function poll(id: string): Promise<Run> {
    for (let i = 0; i < 2000; i++) {
      const res = await get(id);
      expect(res.statusCode, res.body).toBe(200);
      const run = res.json<Run>();
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the run did not finish');
  }

  it('previews a dry run: what would be created and updated, with warnings; writes nothing', async () => {
    const file = collection(
      [
        feature({ id: 'BU05990110', name: 'Stadsdriehoek' }, polygon()),
        feature({ id: 'WK059901', population: 12 }, polygon(4.5, 51.9)),
      ],
      { metadata: { year: 2023 } },
    );
    const preview = async () => {
      const res = await coordinator.inject({
        method: 'POST',
        url: url('area-imports'),
        payload: { geojson: file, year: 2024, dryRun: true },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Record<string, unknown>>();
    };
    expect(await preview()).toEqual({
      dryRun: true,
      mapping: 'simple',
      crs: 'EPSG:4326',
      crsFrom: 'coordinates',
      year: 2024,
      features: 2,
      created: 2,
      updated: 0,
      createdCodes: ['BU05990110', 'WK059901'],
      updatedCodes: [],
      levels: { gemeente: 0, wijk: 1, buurt: 1 },
      warnings: [
        { code: 'crs_from_coordinates', detail: expect.stringContaining('EPSG:4326') as unknown },
        { code: 'year_differs', detail: 'The file states 2023; the areas are imported as 2024.' },
        { code: 'names_missing', detail: expect.any(String) as unknown, count: 1 },
        { code: 'population_missing', detail: expect.any(String) as unknown, count: 1 },
      ],
    });
    expect(await countAreas(t().ctx.db, wsId)).toBe(0);
    const done = await coordinator.inject({
      method: 'POST',
      url: url('area-imports'),
      payload: { geojson: file, year: 2024 },
    });
    expect(done.statusCode).toBe(201);
    expect(await preview()).toMatchObject({
      created: 0,
      updated: 2,
      updatedCodes: ['BU05990110', 'WK059901'],
    });
    const bad = await coordinator.inject({
      method: 'POST',
      url: url('area-imports'),
      payload: {
        geojson: collection([feature({ id: 'XX' }, polygon())]),
        year: 2024,
        dryRun: true,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { pointer: string }[] }>().errors[0]?.pointer).toBe('/features/0');
  });

  it('runs an import in the background: 202, progress, then the report; the server stays responsive', async () => {
    const file = buurten(1500);
    const res = await start({ geojson: file, year: 2022 });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<Run>();
    expect(started).toEqual({ id: started.id, status: 'running', done: 0, total: 3000 });
    expect(res.headers.location).toBe(url(`area-import-runs/${started.id}`));
    // The event loop is free between chunks: a request without the database is answered mid-run.
    const health = await t().app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const mid = await get(started.id);
    expect(mid.json<Run>().status).toBe('running');
    const busy = await start({ geojson: file, year: 2022 });
    expect(busy.statusCode).toBe(409);
    const run = await poll(started.id);
    expect(run).toMatchObject({ status: 'succeeded', done: 3000, total: 3000 });
    expect(run.report).toEqual({
      mapping: 'cbs',
      crs: 'EPSG:4326',
      created: 1500,
      updated: 0,
      errors: [],
    });
    const written = await t()
      .ctx.db.selectFrom('areas')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('workspace_id', '=', wsId)
      .where('cbs_year', '=', 2022)
      .executeTakeFirstOrThrow();
    expect(Number(written.n)).toBe(1500);
  });

  it('a failing run records the problem with every bad feature, and writes nothing', async () => {
    const before = await countAreas(t().ctx.db, wsId);
    const file = collection([
      feature({ id: 'BU05990199' }, polygon()),
      feature({ id: 'BU03630000' }, polygon()),
      feature({ id: 'BU0599' }, polygon()),
    ]);
    const res = await start({ geojson: file, year: 2021 });
    expect(res.statusCode).toBe(202);
    const run = await poll(res.json<Run>().id);
    expect(run.status).toBe('failed');
    expect(run.report).toBeUndefined();
    expect(run.problem?.code).toBe('invalid_area_file');
    expect(run.problem?.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/features/1', 'other_municipality'],
      ['/features/2', 'invalid_code'],
    ]);
    expect(await countAreas(t().ctx.db, wsId)).toBe(before);
  });

  it('a dry run in the background stores the preview', async () => {
    const res = await start({ geojson: buurten(3), year: 2020, dryRun: true });
    const run = await poll(res.json<Run>().id);
    expect(run).toMatchObject({
      status: 'succeeded',
      done: 3,
      total: 3,
      report: { dryRun: true, created: 3 },
    });
  });

  it('a shutdown aborts a running import: rolled back and recorded as interrupted', async () => {
    const before = await countAreas(t().ctx.db, wsId);
    const res = await start({ geojson: buurten(2000), year: 2019 });
    const id = res.json<Run>().id;
    await stopAreaImportRuns(t().ctx);
    const run = await poll(id);
    expect(run).toMatchObject({ status: 'failed', problem: { code: 'import_interrupted' } });
    expect(await countAreas(t().ctx.db, wsId)).toBe(before);
  });

  it('marks runs left running by a stopped server as failed at start-up', async () => {
    const id = newId();
    await t()
      .ctx.db.insertInto('import_runs')
      .values({
        id,
        workspace_id: wsId,
        kind: 'areas',
        status: 'running',
        total: 10,
        done: 4,
        report: null,
        created_by: null,
        created_at: '2026-03-01T00:00:00.000Z',
        finished_at: null,
      })
      .execute();
    expect(await failInterruptedRuns(t().ctx)).toBe(1);
    const run = (await get(id)).json<Run & { finishedAt: string }>();
    expect(run).toMatchObject({
      status: 'failed',
      done: 4,
      problem: { code: 'import_interrupted' },
    });
    expect(run.finishedAt).toBe(t().clock.now().toISOString());
  });

  it('members may not start or see runs; unknown runs are 404', async () => {
    const res = await start({ geojson: buurten(1), year: 2018 });
    const id = res.json<Run>().id;
    await areaImportRunsSettled(t().ctx);
    expect((await start({ geojson: buurten(1), year: 2018 }, member)).statusCode).toBe(403);
    expect((await get(id, member)).statusCode).toBe(403);
    expect((await get(newId())).statusCode).toBe(404);
  });
});

import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CBS_DATA, readCbs } from '../../../test/cbs-data.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { importAreas } from '../areas/service.ts';
import { seedDirectoryFixture, type DirectoryFixture } from './test-fixture.ts';

interface Layer {
  type: string;
  measure: string;
  unit: string | null;
  level: string;
  cbsYear: number | null;
  year: number | null;
  min: number | null;
  max: number | null;
  tileUrl: string | null;
  tileAttribution: string | null;
  features: {
    type: string;
    id: string;
    geometry: { type: string; coordinates: unknown[] } | null;
    properties: { id: string; code: string; name: string; level: string; value: number | null };
  }[];
}
interface Problem {
  errors: { pointer: string; code: string }[];
}

const TILES = 'https://tiles.example.nl/{z}/{x}/{y}.png';

/** Every [x, y] position of a Polygon or MultiPolygon. */
function positions(coordinates: unknown): number[][] {
  const out: number[][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v) && typeof v[0] === 'number') out.push(v as number[]);
    else if (Array.isArray(v)) v.forEach(walk);
  };
  walk(coordinates);
  return out;
}

describeEachDialect('map layer', (dialect) => {
  const t = useTestApp(dialect, { mapTileUrl: TILES, mapTileAttribution: '© Kaartmakers' });
  let slug = '';
  let f: DirectoryFixture;
  let coordinator: Browser;
  let member: Browser;
  let researcher: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator', 'member', 'researcher']);
    slug = a.ws.slug;
    f = await seedDirectoryFixture(t().ctx, a.ws.id, { member: a.users.member?.id ?? '' });
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
    member = new Browser(t().app);
    await member.login(a.users.member?.email ?? '');
    researcher = new Browser(t().app);
    await researcher.login(a.users.researcher?.email ?? '');
  });

  const get = (who: Browser, query: string, ws = slug) =>
    who.inject({ method: 'GET', url: `/api/v1/workspaces/${ws}/map-layer${query}` });
  const layer = async (query: string, who = coordinator) => {
    const res = await get(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Layer>();
  };
  /** code → value */
  const values = async (query: string, who = coordinator) =>
    Object.fromEntries(
      (await layer(query, who)).features.map((x) => [x.properties.code, x.properties.value]),
    );

  it('draws the buurten of the latest CBS year, with metadata', async () => {
    const l = await layer('');
    expect(l).toMatchObject({
      type: 'FeatureCollection',
      measure: 'carriers',
      unit: 'carriers',
      level: 'buurt',
      cbsYear: 2024,
      year: null,
      tileUrl: TILES,
      tileAttribution: '© Kaartmakers',
    });
    expect(l.features.map((x) => x.properties)).toEqual([
      { id: f.areas.driehoek, code: 'BU05990110', name: 'Stadsdriehoek', level: 'buurt', value: 2 },
      { id: f.areas.cool, code: 'BU05990111', name: 'Cool', level: 'buurt', value: 1 },
      { id: f.areas.bospolder, code: 'BU05990201', name: 'Bospolder', level: 'buurt', value: 1 },
    ]);
    expect(l.features.every((x) => x.type === 'Feature' && x.id === x.properties.id)).toBe(true);
    expect([l.min, l.max]).toEqual([1, 2]);
  });

  it('rounds coordinates to 5 decimals', async () => {
    const l = await layer('');
    const all = l.features.flatMap((x) => positions(x.geometry?.coordinates));
    expect(all.length).toBeGreaterThan(10);
    for (const [x = NaN, y = NaN] of all) {
      expect(Math.round(x * 1e5) / 1e5).toBe(x);
      expect(Math.round(y * 1e5) / 1e5).toBe(y);
    }
    // The fixture's square starts at (4.47 + 0.0000012345, 51.92 + 0.0000067891).
    expect(all[0]).toEqual([4.47, 51.92001]);
  });

  it('counts carriers linked to the area or doing an activity there, as far as the viewer may see', async () => {
    // Stadsdriehoek: two private carriers; the member sees their own, the researcher neither.
    expect(await values('?measure=carriers')).toEqual({
      BU05990110: 2,
      BU05990111: 1,
      BU05990201: 1,
    });
    expect(await values('?measure=carriers', member)).toEqual({
      BU05990110: 1,
      BU05990111: 1,
      BU05990201: 1,
    });
    expect(await values('?measure=carriers', researcher)).toEqual({
      BU05990110: 0,
      BU05990111: 0,
      BU05990201: 1,
    });
  });

  it('at wijk level counts a buurt’s carriers for its wijk, each once', async () => {
    const l = await layer('?level=wijk');
    expect(
      l.features.map((x) => [x.properties.code, x.properties.level, x.properties.value]),
    ).toEqual([
      ['WK059901', 'wijk', 2],
      ['WK059902', 'wijk', 1],
    ]);
    expect(await values('?level=wijk', member)).toEqual({ WK059901: 1, WK059902: 1 });
  });

  it('counts visible activities, optionally of one domain', async () => {
    expect(await values('?measure=activities')).toEqual({
      BU05990110: 3,
      BU05990111: 1,
      BU05990201: 1,
    });
    expect(await values('?measure=activities', member)).toEqual({
      BU05990110: 2,
      BU05990111: 1,
      BU05990201: 1,
    });
    expect(await values('?measure=activities', researcher)).toEqual({
      BU05990110: 1,
      BU05990111: 1,
      BU05990201: 1,
    });
    const zorg = `?measure=activities&domainId=${f.terms.zorg}`;
    expect(await values(zorg)).toEqual({ BU05990110: 2, BU05990111: 0, BU05990201: 0 });
    expect(await values(zorg, member)).toEqual({ BU05990110: 1, BU05990111: 0, BU05990201: 0 });
    expect(await values('?measure=activities&level=wijk')).toEqual({ WK059901: 4, WK059902: 1 });
    expect((await layer('?measure=activities')).unit).toBe('activities');
  });

  it('shows an indicator of the latest year with figures, or of the year asked', async () => {
    const l = await layer('?measure=indicator&indicator=AantalInwoners');
    expect(l).toMatchObject({ unit: null, year: 2022, cbsYear: 2024, min: 5000, max: 14000 });
    expect(await values('?measure=indicator&indicator=AantalInwoners')).toEqual({
      BU05990110: 14000,
      BU05990111: 5000,
      BU05990201: null,
    });
    // 2020's figure sits on the 2020 boundary of the same code.
    expect(await values('?measure=indicator&indicator=AantalInwoners&year=2020')).toEqual({
      BU05990110: 12000,
      BU05990111: null,
      BU05990201: null,
    });
    // "." (secret) stays null.
    expect(await values('?measure=indicator&indicator=Koopwoningen')).toEqual({
      BU05990110: null,
      BU05990111: 20,
      BU05990201: null,
    });
    expect(await values('?measure=indicator&indicator=AantalInwoners&level=wijk')).toEqual({
      WK059901: 19000,
      WK059902: null,
    });
  });

  describe('bad input', () => {
    const bad = async (query: string) => {
      const res = await get(coordinator, query);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<Problem>().errors.map((e) => [e.pointer, e.code]);
    };

    it('an unknown indicator, a year without figures, a missing key', async () => {
      expect(await bad('?measure=indicator&indicator=Onbekend')).toEqual([
        ['/indicator', 'unknown_indicator'],
      ]);
      expect(await bad('?measure=indicator&indicator=AantalInwoners&year=2019')).toEqual([
        ['/year', 'no_figures'],
      ]);
      expect(await bad('?measure=indicator')).toEqual([['/indicator', 'required']]);
    });

    it('parameters of another measure and wrong terms, all listed', async () => {
      expect(await bad(`?measure=carriers&domainId=${f.terms.zorg}&indicator=x&year=2020`)).toEqual(
        [
          ['/domainId', 'not_for_measure'],
          ['/indicator', 'not_for_measure'],
          ['/year', 'not_for_measure'],
        ],
      );
      expect(await bad(`?measure=activities&domainId=${f.terms.jongeren}`)).toEqual([
        ['/domainId', 'wrong_term_kind'],
      ]);
      const shape = await bad('?level=gemeente&measure=people&domainId=x&year=twintig');
      expect(shape.map(([p]) => p).sort()).toEqual(['/domainId', '/level', '/measure', '/year']);
    });
  });

  it('is empty for a workspace without areas', async () => {
    const { ws, users } = await seedWorkspace(t().ctx, ['member']);
    const b = new Browser(t().app);
    await b.login(users.member?.email ?? '');
    const res = await get(b, '', ws.slug);
    expect(res.json()).toMatchObject({ cbsYear: null, min: null, max: null, features: [] });
  });

  describe.skipIf(!HAVE_CBS_DATA)('real data', () => {
    it('the layer of Rotterdam’s 92 buurten stays within 150 KB gzipped', async () => {
      const { ws, users } = await seedWorkspace(t().ctx, ['member']);
      await importAreas(
        t().ctx,
        { kind: 'system' },
        ws.id,
        JSON.parse(readCbs('rotterdam_buurten.geojson')),
        {
          year: 2014,
        },
      );
      const b = new Browser(t().app);
      await b.login(users.member?.email ?? '');
      const res = await get(b, '', ws.slug);
      expect(res.statusCode).toBe(200);
      const l = res.json<Layer>();
      expect(l.features).toHaveLength(92);
      expect(l.features.every((x) => x.geometry !== null)).toBe(true);
      const gzipped = gzipSync(res.body).length;
      console.info(
        `[map-layer] Rotterdam 92 buurten: ${res.body.length} bytes, ${gzipped} bytes gzipped`,
      );
      expect(gzipped).toBeLessThanOrEqual(150 * 1024);
    });
  });
});

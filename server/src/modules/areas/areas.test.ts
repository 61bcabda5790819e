import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context.ts';
import { HAVE_CBS_DATA, readCbs } from '../../../test/cbs-data.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { createWorkspace } from '../workspaces/service.ts';
import { countAreas } from './repo.ts';
import { importAreas, importIndicators } from './service.ts';

const system: Actor = { kind: 'system' };

interface AreaItem {
  id: string;
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  population: number | null;
  cbsYear: number;
}
interface FeatureJson {
  type: string;
  properties: Record<string, unknown>;
}

describeEachDialect('areas', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let workspaceId = '';
  let coordinator: Browser;
  let member: Browser;
  let outsider: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator', 'member']);
    const b = await seedWorkspace(t().ctx, ['admin']);
    slug = a.ws.slug;
    workspaceId = a.ws.id;
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
    member = new Browser(t().app);
    await member.login(a.users.member?.email ?? '');
    outsider = new Browser(t().app);
    await outsider.login(b.users.admin?.email ?? '');
  });

  const post = (who: Browser, payload: unknown, to = slug) =>
    who.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${to}/area-imports`,
      payload: payload as object,
    });
  const list = async (query: string, who = member) => {
    const res = await who.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/areas${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: AreaItem[]; total: number }>();
  };
  const allAreas = async (level: string) => {
    const out: AreaItem[] = [];
    for (let page = 1; ; page++) {
      const r = await list(`?level=${level}&pageSize=100&page=${page}`);
      out.push(...r.items);
      if (out.length >= r.total) return out;
    }
  };

  describe.skipIf(!HAVE_CBS_DATA)('the real CBS files', () => {
    it('a coordinator imports Rotterdam: 92 buurten with codes, names and populations', async () => {
      const file = JSON.parse(readCbs('rotterdam_buurten.geojson')) as {
        features: { properties: { id: string; name: string; population: number } }[];
      };
      const res = await post(coordinator, { geojson: file, year: 2014 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        mapping: 'simple',
        crs: 'EPSG:4326',
        created: 92,
        updated: 0,
        errors: [],
      });
      const buurten = await allAreas('buurt');
      expect(buurten).toHaveLength(92);
      expect(buurten.reduce((s, a) => s + (a.population ?? 0), 0)).toBe(618_165);
      const expected = file.features
        .map((f) => ({
          code: f.properties.id,
          name: f.properties.name,
          population: f.properties.population,
        }))
        .sort((x, y) => x.code.localeCompare(y.code));
      expect(
        buurten.map((a) => ({ code: a.code, name: a.name, population: a.population })),
      ).toEqual(expected);
      expect(buurten.every((a) => a.level === 'buurt' && a.cbsYear === 2014)).toBe(true);
      expect(buurten.find((a) => a.code === 'BU05990110')).toMatchObject({
        name: 'Stadsdriehoek',
        parentCode: 'WK059901',
      });

      // Importing again updates in place.
      const again = await post(coordinator, { geojson: file, year: 2014 });
      expect(again.json()).toMatchObject({ created: 0, updated: 92 });
      expect(await countAreas(t().ctx.db, workspaceId)).toBe(92);
    });

    it('imports Rotterdam’s StatLine kerncijfers: 92 buurten, 22 wijken, GM0599; "." stored as null', async () => {
      const r = await importIndicators(
        t().ctx,
        system,
        workspaceId,
        readCbs('rotterdam_kerncijfers_statline.json'),
        {
          year: 2017,
        },
      );
      expect(r).toMatchObject({
        format: 'json',
        rows: 115,
        areasCreated: 23,
        missing: 147,
        values: 115 * 14 - 24, // 14 measures; 24 crime figures are empty strings (not published)
      });
      const db = t().ctx.db;
      const count = async (nullOnly: boolean) => {
        let q = db.selectFrom('area_indicators').where('workspace_id', '=', workspaceId);
        if (nullOnly) q = q.where('value', 'is', null);
        return Number(
          (
            await q
              .select((eb) => eb.fn.countAll<string | number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      };
      expect(await count(false)).toBe(115 * 14 - 24);
      expect(await count(true)).toBe(147);
      const wijken = await allAreas('wijk');
      expect(wijken.map((a) => a.code)).toHaveLength(22);
      const gm = await allAreas('gemeente');
      expect(gm.map((a) => a.code)).toEqual(['GM0599']);
      // Known only from the 2017 figures, the wijken join the 2014 boundaries: their area pages
      // list their buurten.
      expect([...wijken, ...gm].every((a) => a.cbsYear === 2014)).toBe(true);
      const centrum = wijken.find((a) => a.code === 'WK059901');
      const page = await member.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/areas/${centrum?.id}/overview`,
      });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json<{ subAreas: { code: string }[] }>().subAreas.map((a) => a.code)).toContain(
        'BU05990110',
      );

      const buurt = (await allAreas('buurt')).find((a) => a.code === 'BU05990110');
      const res = await member.inject({
        method: 'GET',
        url: `/api/v1/workspaces/${slug}/areas/${buurt?.id}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const f = res.json<FeatureJson & { geometry: { type: string } }>();
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.properties).toMatchObject({ code: 'BU05990110', name: 'Stadsdriehoek' });
      const statline = JSON.parse(
        readCbs('rotterdam_kerncijfers_statline.json').replace(/^\uFEFF/, ''),
      ) as {
        value: Record<string, Record<string, string>>;
      };
      const row = Object.values(statline.value).find(
        (v) => v.WijkenEnBuurten?.trim() === 'BU05990110',
      );
      expect(f.properties.indicators).toEqual([
        {
          year: 2017,
          values: expect.objectContaining({
            k_0Tot15Jaar: Number(row?.k_0Tot15Jaar_8?.trim()),
          }) as unknown,
        },
      ]);

      // Importing the same year again replaces values; nothing is duplicated.
      await importIndicators(
        t().ctx,
        system,
        workspaceId,
        readCbs('rotterdam_kerncijfers_statline.json'),
        { year: 2017 },
      );
      expect(await count(false)).toBe(115 * 14 - 24);
    });

    it('imports Alkmaar’s 8 wijken (PDOK style, wijkCode/wijkNaam) into a GM0361 workspace', async () => {
      const ws = await createWorkspace(t().ctx, {
        name: `Alkmaar ${dialect}`,
        gemeentecode: 'GM0361',
      });
      const r = await importAreas(t().ctx, system, ws.id, readCbs('alkmaar_wijken_2024.geojson'), {
        year: 2024,
      });
      expect(r).toEqual({ mapping: 'pdok', crs: 'EPSG:4326', created: 8, updated: 0, errors: [] });
      const rows = await t()
        .ctx.db.selectFrom('areas')
        .select(['code', 'level', 'parent_code', 'name', 'population'])
        .where('workspace_id', '=', ws.id)
        .orderBy('code')
        .execute();
      expect(rows.map((x) => x.code)).toEqual(
        Array.from({ length: 8 }, (_, i) => `WK03610${i + 1}`),
      );
      expect(rows.every((x) => x.level === 'wijk' && x.parent_code === 'GM0361')).toBe(true);
      expect(rows[0]).toMatchObject({ name: 'Zuid', population: 14510 });
    });
  });

  it('reprojects an RD New feature (Amersfoort, 155000 463000) to WGS84 within 1e-4°', async () => {
    const seeded = await seedWorkspace(t().ctx, ['admin']);
    const admin = new Browser(t().app);
    await admin.login(seeded.users.admin?.email ?? '');
    const file = collection([
      feature({ GM_CODE: 'GM0599', GM_NAAM: 'Proef' }, polygon(155_000, 463_000, 50)),
    ]);
    const res = await post(admin, { geojson: file, year: 2024, crs: 'EPSG:28992' }, seeded.ws.slug);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mapping: 'cbs', crs: 'EPSG:28992', created: 1 });
    const listed = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${seeded.ws.slug}/areas`,
    });
    const id = listed.json<{ items: AreaItem[] }>().items[0]?.id;
    const area = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${seeded.ws.slug}/areas/${id}`,
    });
    const [lon, lat] =
      area.json<{ geometry: { coordinates: number[][][] } }>().geometry.coordinates[0]?.[0] ?? [];
    expect(Math.abs((lon ?? 0) - 5.3872)).toBeLessThan(1e-4);
    expect(Math.abs((lat ?? 0) - 52.1552)).toBeLessThan(1e-4);
  });

  it('a member gets 403, another workspace’s admin 404, and nothing is written', async () => {
    const before = await countAreas(t().ctx.db, workspaceId);
    const file = collection([feature({ id: 'BU05990199' }, polygon())]);
    const asMember = await post(member, { geojson: file, year: 2030 });
    expect(asMember.statusCode).toBe(403);
    const asOutsider = await post(outsider, { geojson: file, year: 2030 });
    expect(asOutsider.statusCode).toBe(404);
    expect(await countAreas(t().ctx.db, workspaceId)).toBe(before);
  });

  it('validates the list query and the area id', async () => {
    const res = await member.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/areas?level=provincie`,
    });
    expect(res.statusCode).toBe(400);
    const missing = await member.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/areas/00000000-0000-4000-8000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
  });
});

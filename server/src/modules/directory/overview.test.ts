import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { importAreas } from '../areas/service.ts';
import { defaultTerms } from '../taxonomy/defaults.ts';
import { CELL_LIMIT, LIST_LIMIT } from './overview.ts';
import { areas2024, seedDirectoryFixture, type DirectoryFixture } from './test-fixture.ts';
import { insertActivity, insertActor, lookups } from './test-support.ts';

interface Ref {
  id: string;
  name: string;
}
interface Cell {
  column: string;
  count: number;
  actors: Ref[];
}
interface Overview {
  area: Record<string, unknown>;
  indicators: { key: string; values: { year: number; value: number | null }[] }[];
  matrix: {
    columns: string[];
    rows: { domainId: string; label: string; labelEn: string; cells: Cell[] }[];
  };
  initiatives: { id: string; name: string; startDate: string | null; endDate: string | null }[];
  initiativeCount: number;
  carriers: Ref[];
  carrierCount: number;
  subAreas: { id: string; code: string; name: string; level: string }[];
}

const DOMAINS = defaultTerms.filter((d) => d.kind === 'domain').map((d) => d.labelNl);

describeEachDialect('area overview', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let f: DirectoryFixture;
  let coordinator: Browser;
  let member: Browser;
  let researcher: Browser;
  let otherAreaId = '';

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
    const b = await seedWorkspace(t().ctx, ['admin']);
    await importAreas(t().ctx, { kind: 'system' }, b.ws.id, areas2024, { year: 2024 });
    otherAreaId = (await lookups(t().ctx.db, b.ws.id)).area('BU05990110');
  });

  const get = (who: Browser, areaId: string, ws = slug) =>
    who.inject({ method: 'GET', url: `/api/v1/workspaces/${ws}/areas/${areaId}/overview` });
  const overview = async (areaId: string, who = coordinator, ws = slug) => {
    const res = await get(who, areaId, ws);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Overview>();
  };
  /** Non-empty cells as "domain/column: names". */
  const cells = (o: Overview) =>
    o.matrix.rows.flatMap((r) =>
      r.cells
        .filter((c) => c.count > 0)
        .map((c) => `${r.label}/${c.column}: ${c.actors.map((x) => x.name).join(', ')}`),
    );

  it('summarises the area and its figures over the years', async () => {
    const o = await overview(f.areas.driehoek);
    expect(o.area).toEqual({
      id: f.areas.driehoek,
      code: 'BU05990110',
      name: 'Stadsdriehoek',
      level: 'buurt',
      cbsYear: 2024,
      parentCode: 'WK059901',
      population: 14000,
    });
    // 2020's figures sit on the 2020 boundary of the same code; "." stays null.
    expect(o.indicators).toEqual([
      {
        key: 'AantalInwoners',
        values: [
          { year: 2020, value: 12000 },
          { year: 2022, value: 14000 },
        ],
      },
      {
        key: 'Koopwoningen',
        values: [
          { year: 2020, value: 30 },
          { year: 2022, value: null },
        ],
      },
    ]);
    expect(o.subAreas).toEqual([]);
  });

  it('fills the wie-doet-wat matrix with the visible actors active in each domain', async () => {
    const o = await overview(f.areas.driehoek);
    expect(o.matrix.columns).toEqual(['carriers', 'small_organisations', 'large_organisations']);
    expect(o.matrix.rows.map((r) => r.label)).toEqual(DOMAINS);
    expect(
      o.matrix.rows.every((r) => r.cells.map((c) => c.column).join() === o.matrix.columns.join()),
    ).toBe(true);
    expect(cells(o)).toEqual([
      'zorg/carriers: Ëlla Eigenaar, Piet Geheim',
      'onderwijs/small_organisations: Stichting Één Wijkkracht',
      'jeugd/small_organisations: Stichting Één Wijkkracht',
    ]);
    const zorg = o.matrix.rows.find((r) => r.label === 'zorg');
    expect(zorg?.domainId).toBe(f.terms.zorg);
    expect(zorg?.cells[0]?.actors).toEqual([
      { id: f.actors.eigen.id, name: 'Ëlla Eigenaar' },
      { id: f.actors.geheim.id, name: 'Piet Geheim' },
    ]);
    expect(cells(await overview(f.areas.driehoek, member))).toEqual([
      'zorg/carriers: Ëlla Eigenaar',
      'onderwijs/small_organisations: Stichting Één Wijkkracht',
      'jeugd/small_organisations: Stichting Één Wijkkracht',
    ]);
    expect(cells(await overview(f.areas.driehoek, researcher))).toEqual([
      'onderwijs/small_organisations: Stichting Één Wijkkracht',
      'jeugd/small_organisations: Stichting Één Wijkkracht',
    ]);
  });

  it('lists visible initiatives and carriers', async () => {
    const o = await overview(f.areas.driehoek);
    expect(o.initiatives).toEqual([
      { id: f.initiatives.geheimPlan.id, name: 'Geheim plan', startDate: null, endDate: null },
    ]);
    expect(o.carriers.map((c) => c.name)).toEqual(['Ëlla Eigenaar', 'Piet Geheim']);
    expect([o.initiativeCount, o.carrierCount]).toEqual([1, 2]);
    const m = await overview(f.areas.driehoek, member);
    expect([m.initiatives, m.carriers.map((c) => c.name)]).toEqual([[], ['Ëlla Eigenaar']]);
    const r = await overview(f.areas.driehoek, researcher);
    expect([r.initiativeCount, r.carrierCount]).toEqual([0, 0]);
  });

  it('a wijk includes its buurten', async () => {
    const o = await overview(f.areas.centrum);
    expect(o.subAreas.map((s) => [s.code, s.name, s.level])).toEqual([
      ['BU05990110', 'Stadsdriehoek', 'buurt'],
      ['BU05990111', 'Cool', 'buurt'],
    ]);
    expect(cells(o)).toEqual([
      'zorg/carriers: Ëlla Eigenaar, Piet Geheim',
      'onderwijs/small_organisations: Stichting Één Wijkkracht',
      'armoede en schulden/large_organisations: Woonstad Rotterdam',
      'jeugd/small_organisations: Stichting Één Wijkkracht',
    ]);
    expect(o.carriers.map((c) => c.name)).toEqual(['Ëlla Eigenaar', 'Piet Geheim']);
    expect(o.indicators).toEqual([
      { key: 'AantalInwoners', values: [{ year: 2022, value: 19000 }] },
      { key: 'Koopwoningen', values: [{ year: 2022, value: 25 }] },
    ]);
  });

  it('the gemeente includes its wijken and buurten of the same CBS year', async () => {
    const o = await overview(f.areas.gm);
    expect(o.subAreas.map((s) => s.code)).toEqual([
      'WK059901',
      'WK059902',
      'BU05990110',
      'BU05990111',
      'BU05990201',
    ]);
    expect(o.subAreas.every((s) => s.id !== undefined)).toBe(true);
    expect(o.carriers.map((c) => c.name)).toEqual([
      'Ëlla Eigenaar',
      'Fatima Buurtmoeders',
      'Piet Geheim',
    ]);
    expect(o.initiatives.map((i) => i.name)).toEqual(['Buurtfeest Delfshaven', 'Geheim plan']);
    expect(cells(o)).toContain('taal en integratie/carriers: Fatima Buurtmoeders');
    expect(cells(o)).toContain('jeugd/carriers: Fatima Buurtmoeders');
  });

  it('counts the same carriers as the map', async () => {
    for (const who of [coordinator, member, researcher]) {
      const res = await who.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/map-layer` });
      for (const feature of res.json<{
        features: { properties: { id: string; value: number } }[];
      }>().features) {
        const o = await overview(feature.properties.id, who);
        expect(o.carrierCount).toBe(feature.properties.value);
      }
    }
  });

  it('keeps long lists short and says how many there are', async () => {
    const { ws, users } = await seedWorkspace(t().ctx, ['admin']);
    await importAreas(t().ctx, { kind: 'system' }, ws.id, areas2024, { year: 2024 });
    const { area, term } = await lookups(t().ctx.db, ws.id);
    const n = LIST_LIMIT + 1;
    for (let i = 0; i < n; i++) {
      const person = await insertActor(t().ctx.db, ws.id, {
        kind: 'person',
        name: `Drager ${String(i).padStart(3, '0')}`,
        visibility: 'workspace',
      });
      await insertActivity(t().ctx.db, person, {
        title: 'Burenhulp',
        startDate: '2024-01-01',
        areaIds: [area('BU05990111')],
        termIds: [term('zorg')],
      });
    }
    const admin = new Browser(t().app);
    await admin.login(users.admin?.email ?? '');
    const o = await overview(area('BU05990111'), admin, ws.slug);
    const zorg = o.matrix.rows.find((r) => r.label === 'zorg')?.cells[0];
    expect(zorg?.count).toBe(n);
    expect(zorg?.actors.map((a) => a.name)).toEqual(
      Array.from({ length: CELL_LIMIT }, (_, i) => `Drager ${String(i).padStart(3, '0')}`),
    );
    expect(o.carrierCount).toBe(n);
    expect(o.carriers).toHaveLength(LIST_LIMIT);
    expect(o.carriers[LIST_LIMIT - 1]?.name).toBe(
      `Drager ${String(LIST_LIMIT - 1).padStart(3, '0')}`,
    );
  });

  describe('bad input', () => {
    it('404 for an unknown area or one of another workspace; 400 for a malformed id', async () => {
      expect((await get(coordinator, randomUUID())).statusCode).toBe(404);
      expect((await get(coordinator, otherAreaId)).statusCode).toBe(404);
      const res = await get(coordinator, 'not-a-uuid');
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toEqual([
        '/areaId',
      ]);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import { importAreas } from '../areas/service.ts';
import { seedDirectoryFixture, areas2024, type DirectoryFixture } from './test-fixture.ts';
import { insertActivity, insertActor, lookups } from './test-support.ts';

interface Item {
  type: string;
  id: string;
  title: string;
  summary: string | null;
  actorId: string | null;
  actorKind: string | null;
  orgKind: string | null;
  sizeClass: string | null;
  startDate: string | null;
  endDate: string | null;
  visibility: string;
}
interface Page {
  items: Item[];
  page: number;
  pageSize: number;
  total: number;
}
interface Problem {
  status: number;
  code: string;
  errors: { pointer: string; location: string; code: string }[];
}

/** Every title, in the directory's order (normalised title, then type and id). */
const ALL = [
  'Buurtfeest Delfshaven',
  'Ëlla Eigenaar',
  'Fatima Buurtmoeders',
  'Geheim plan',
  'Geheime hulp',
  'Huiswerkbegeleiding',
  'Mantelzorg ondersteuning',
  'Piet Geheim',
  'Schuldhulp spreekuur',
  'Stichting Één Wijkkracht',
  'Taalcafé',
  'Woonstad Rotterdam',
];
const PRIVATE = [
  'Ëlla Eigenaar',
  'Geheim plan',
  'Geheime hulp',
  'Mantelzorg ondersteuning',
  'Piet Geheim',
];
const OWN = ['Ëlla Eigenaar', 'Mantelzorg ondersteuning'];
const except = (drop: string[]) => ALL.filter((x) => !drop.includes(x));

describeEachDialect('directory search', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let f: DirectoryFixture;
  let coordinator: Browser;
  let member: Browser;
  let researcher: Browser;
  let admin: Browser;
  let otherSlug = '';
  let otherAreaId = '';
  let otherDomainId = '';

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin', 'coordinator', 'member', 'researcher']);
    slug = a.ws.slug;
    f = await seedDirectoryFixture(t().ctx, a.ws.id, { member: a.users.member?.id ?? '' });
    const login = async (email: string | undefined) => {
      const b = new Browser(t().app);
      await b.login(email ?? '');
      return b;
    };
    coordinator = await login(a.users.coordinator?.email);
    member = await login(a.users.member?.email);
    researcher = await login(a.users.researcher?.email);
    admin = await login(a.users.admin?.email);
    // Another workspace with a look-alike record, an area and terms of its own.
    const b = await seedWorkspace(t().ctx, ['admin']);
    otherSlug = b.ws.slug;
    await importAreas(t().ctx, { kind: 'system' }, b.ws.id, areas2024, { year: 2024 });
    const other = await lookups(t().ctx.db, b.ws.id);
    otherAreaId = other.area('BU05990110');
    otherDomainId = other.term('zorg');
    await insertActor(t().ctx.db, b.ws.id, {
      kind: 'person',
      name: 'Fatima Buurtmoeders',
      visibility: 'public',
      areaIds: [otherAreaId],
      termIds: [otherDomainId],
    });
  });

  const get = (who: Browser, query: string, ws = slug) =>
    who.inject({ method: 'GET', url: `/api/v1/workspaces/${ws}/search${query}` });
  const search = async (query: string, who = coordinator) => {
    const res = await get(who, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };
  const titles = async (query: string, who = coordinator) =>
    (await search(query, who)).items.map((i) => i.title);
  const bad = async (query: string) => {
    const res = await get(coordinator, query);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json<Problem>();
  };

  describe('words', () => {
    it('matches each word as a prefix of a word, in titles, descriptions and actor names', async () => {
      expect(await titles('?q=buurtmoe')).toEqual(['Fatima Buurtmoeders', 'Taalcafé']);
      expect(await titles('?q=nederl')).toEqual(['Taalcafé']);
      expect(await titles('?q=uurtmoeders')).toEqual([]);
    });

    it('ignores case and diacritics on both sides', async () => {
      // The activity is found through its actor's name.
      const een = ['Huiswerkbegeleiding', 'Stichting Één Wijkkracht'];
      expect(await titles('?q=%C3%89en')).toEqual(een);
      expect(await titles('?q=EEN')).toEqual(een);
      expect(await titles('?q=%C3%A9%C3%A9n%20wijkk&type=actor')).toEqual([een[1]]);
      expect(await titles('?q=taalcafe')).toEqual(['Taalcafé']);
      expect(await titles('?q=%C3%ABLLA', member)).toEqual([
        'Ëlla Eigenaar',
        'Mantelzorg ondersteuning',
      ]);
    });

    it('needs every word to match (AND), in any order', async () => {
      expect(await titles('?q=taal%20fatima')).toEqual(['Taalcafé']);
      expect(await titles('?q=fatima%20taal')).toEqual(['Taalcafé']);
      expect(await titles('?q=taal%20woonstad')).toEqual([]);
      expect(await titles('?q=geheim')).toEqual(['Geheim plan', 'Geheime hulp', 'Piet Geheim']);
      expect(await titles('?q=geheim%20piet')).toEqual(['Geheime hulp', 'Piet Geheim']);
    });

    it('treats a query without letters or digits as no query', async () => {
      expect((await search('?q=%20-%20!')).total).toBe(ALL.length);
    });

    it('answers with the fields of the contract', async () => {
      const [item] = (await search('?q=huiswerk')).items;
      expect(item).toEqual({
        type: 'activity',
        id: f.activities.huiswerk.id,
        title: 'Huiswerkbegeleiding',
        summary: null,
        actorId: f.actors.stichting.id,
        actorKind: 'organisation',
        orgKind: 'stichting_vereniging',
        sizeClass: 'small',
        startDate: '2023-01-01',
        endDate: '2023-06-30',
        visibility: 'workspace',
      });
    });

    it('never finds records of another workspace', async () => {
      const items = (await search('?q=fatima')).items;
      expect(items.map((i) => i.id).sort()).toEqual(
        [f.actors.fatima.id, f.activities.taalcafe.id].sort(),
      );
    });
  });

  describe('filters', () => {
    it('type', async () => {
      expect(await titles('?type=initiative')).toEqual(['Buurtfeest Delfshaven', 'Geheim plan']);
      expect(await titles('?type=activity&q=geheim')).toEqual(['Geheime hulp']);
    });

    it('areaId: a buurt, a wijk with its buurten, the gemeente with everything in it', async () => {
      const inDriehoek = [
        'Geheim plan',
        'Geheime hulp',
        'Huiswerkbegeleiding',
        'Mantelzorg ondersteuning',
      ];
      expect(await titles(`?areaId=${f.areas.driehoek}`)).toEqual(inDriehoek);
      expect(await titles(`?areaId=${f.areas.centrum}`)).toEqual(
        [...inDriehoek, 'Ëlla Eigenaar', 'Schuldhulp spreekuur', 'Stichting Één Wijkkracht'].sort(
          (a, b) => ALL.indexOf(a) - ALL.indexOf(b),
        ),
      );
      expect(await titles(`?areaId=${f.areas.delfshaven}`)).toEqual([
        'Buurtfeest Delfshaven',
        'Fatima Buurtmoeders',
        'Taalcafé',
      ]);
      expect(await titles(`?areaId=${f.areas.gm}`)).toEqual(except(['Piet Geheim']));
      expect(await titles(`?areaId=${f.areas.driehoek}&type=initiative`, member)).toEqual([]);
    });

    it('domainId and targetGroupId (both must match)', async () => {
      expect(await titles(`?domainId=${f.terms.jeugd}`)).toEqual([
        'Buurtfeest Delfshaven',
        'Fatima Buurtmoeders',
        'Huiswerkbegeleiding',
        'Taalcafé',
      ]);
      expect(await titles(`?targetGroupId=${f.terms.jongeren}`)).toEqual([
        'Fatima Buurtmoeders',
        'Huiswerkbegeleiding',
      ]);
      expect(await titles(`?domainId=${f.terms.taal}&targetGroupId=${f.terms.jongeren}`)).toEqual(
        [],
      );
    });

    it('actorKind, orgKind and sizeClass (activities take their actor’s)', async () => {
      expect(await titles('?actorKind=organisation')).toEqual([
        'Huiswerkbegeleiding',
        'Schuldhulp spreekuur',
        'Stichting Één Wijkkracht',
        'Woonstad Rotterdam',
      ]);
      expect(await titles('?actorKind=person&type=actor')).toEqual([
        'Ëlla Eigenaar',
        'Fatima Buurtmoeders',
        'Piet Geheim',
      ]);
      expect(await titles('?orgKind=woningcorporatie')).toEqual([
        'Schuldhulp spreekuur',
        'Woonstad Rotterdam',
      ]);
      expect(await titles('?sizeClass=small')).toEqual([
        'Huiswerkbegeleiding',
        'Stichting Één Wijkkracht',
      ]);
    });

    it('activeFrom/activeTo: period overlap, inclusive; no dates means always active', async () => {
      expect(await titles('?activeFrom=2024-01-01&activeTo=2024-12-31')).toEqual(
        except(['Huiswerkbegeleiding', 'Schuldhulp spreekuur']),
      );
      expect(await titles('?activeTo=2022-12-31')).toEqual(
        except([
          'Buurtfeest Delfshaven',
          'Geheime hulp',
          'Huiswerkbegeleiding',
          'Schuldhulp spreekuur',
          'Taalcafé',
        ]),
      );
      expect(await titles('?activeFrom=2025-06-01&type=activity')).toEqual([
        'Mantelzorg ondersteuning',
        'Schuldhulp spreekuur',
        'Taalcafé',
      ]);
      expect(await titles('?activeFrom=2023-06-30&activeTo=2023-06-30&type=activity')).toEqual([
        'Huiswerkbegeleiding',
        'Mantelzorg ondersteuning',
      ]);
      expect(await titles('?activeFrom=2023-07-01&activeTo=2023-12-31&type=activity')).toEqual([
        'Mantelzorg ondersteuning',
      ]);
    });
  });

  describe('combined filters', () => {
    it('words, area and domain together, whichever set is smallest', async () => {
      const q = `?q=geheim&areaId=${f.areas.driehoek}&domainId=${f.terms.zorg}`;
      expect(await titles(q)).toEqual(['Geheime hulp']);
      expect(await titles(q, member)).toEqual([]);
      expect(await titles(`?q=schuld%20spreek&areaId=${f.areas.centrum}`)).toEqual([
        'Schuldhulp spreekuur',
      ]);
    });

    it('a gemeente with many buurten, alone and with words', async () => {
      const { ws, users } = await seedWorkspace(t().ctx, ['admin']);
      const buurten = Array.from({ length: 30 }, (_, i) =>
        feature(
          { code: `BU059901${String(i).padStart(2, '0')}`, name: `Buurt ${i}` },
          polygon(4.4 + i * 0.01, 51.9),
        ),
      );
      const gm = feature({ code: 'GM0599', name: 'Rotterdam' }, polygon(4.3, 51.8, 0.5));
      await importAreas(t().ctx, { kind: 'system' }, ws.id, collection([gm, ...buurten]), {
        year: 2024,
      });
      const { area } = await lookups(t().ctx.db, ws.id);
      const db = t().ctx.db;
      const org = await insertActor(db, ws.id, {
        kind: 'organisation',
        name: 'Buurtwerk',
        visibility: 'public',
      });
      await insertActivity(db, org, {
        title: 'Buurtsoep in de laatste buurt',
        startDate: '2024-01-01',
        areaIds: [area('BU05990129')],
      });
      await insertActivity(db, org, { title: 'Buurtsoep nergens', startDate: '2024-01-01' });
      const admin2 = new Browser(t().app);
      await admin2.login(users.admin?.email ?? '');
      const found = async (query: string) =>
        (await get(admin2, query, ws.slug)).json<Page>().items.map((i) => i.title);
      expect(await found(`?areaId=${area('GM0599')}`)).toEqual(['Buurtsoep in de laatste buurt']);
      expect(await found(`?areaId=${area('GM0599')}&q=buurtso%20laatste`)).toEqual([
        'Buurtsoep in de laatste buurt',
      ]);
      expect(await found('?q=buurtsoep')).toEqual([
        'Buurtsoep in de laatste buurt',
        'Buurtsoep nergens',
      ]);
    });
  });

  describe('pages', () => {
    it('pages through everything in one fixed order, with total and Link header', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await get(coordinator, `?pageSize=5&page=${page}&activeTo=2030-01-01`);
        expect(res.statusCode).toBe(200);
        const body = res.json<Page>();
        expect(body).toMatchObject({ page, pageSize: 5, total: ALL.length });
        seen.push(...body.items.map((i) => i.title));
        const link = String(res.headers.link);
        expect(link).toContain(`?pageSize=5&page=3&activeTo=2030-01-01>; rel="last"`);
        expect(link.includes('rel="next"')).toBe(page < 3);
        expect(link.includes('rel="prev"')).toBe(page > 1);
      }
      expect(seen).toEqual(ALL);
    });

    it('orders equal titles by type, then id', async () => {
      const { ws, users } = await seedWorkspace(t().ctx, ['admin']);
      const db = t().ctx.db;
      const org = await insertActor(db, ws.id, {
        kind: 'organisation',
        name: 'Koffieochtend',
        visibility: 'public',
      });
      const acts = [];
      for (let i = 0; i < 4; i++)
        acts.push(
          await insertActivity(db, org, { title: 'KOFFIEOCHTEND', startDate: '2024-01-01' }),
        );
      // 'activity' sorts before 'actor'; equal types by id.
      const expected = [...acts.map((a) => a.id).sort(), org.id];
      const admin2 = new Browser(t().app);
      await admin2.login(users.admin?.email ?? '');
      for (const size of [1, 2, 5]) {
        const ids: string[] = [];
        for (let page = 1; ids.length < 5; page++) {
          const res = await get(admin2, `?q=koffie&pageSize=${size}&page=${page}`, ws.slug);
          ids.push(...res.json<Page>().items.map((i) => i.id));
        }
        expect(ids).toEqual(expected);
      }
    });
  });

  describe('visibility', () => {
    it('members see public and workspace records, and their own private carrier', async () => {
      expect(await titles('', member)).toEqual(except(PRIVATE.filter((x) => !OWN.includes(x))));
      expect(await titles('', researcher)).toEqual(except(PRIVATE));
      expect(await titles('?q=mantelzorg', researcher)).toEqual([]);
    });

    it('coordinators and admins see private records too', async () => {
      expect(await titles('', coordinator)).toEqual(ALL);
      expect(await titles('', admin)).toEqual(ALL);
    });

    it('an outsider gets 404 for the workspace', async () => {
      expect((await get(coordinator, '', otherSlug)).statusCode).toBe(404);
    });
  });

  describe('bad input', () => {
    it('lists every invalid parameter at once', async () => {
      const p = await bad(
        '?type=person&pageSize=500&areaId=abc&activeFrom=2024-13-01&sizeClass=huge',
      );
      expect(p.code).toBe('validation_failed');
      expect(p.errors.map((e) => e.pointer).sort()).toEqual(
        ['/activeFrom', '/areaId', '/pageSize', '/sizeClass', '/type'].sort(),
      );
      expect(p.errors.every((e) => e.location === 'query')).toBe(true);
    });

    it('lists every unknown id and contradiction at once', async () => {
      const p = await bad(
        `?areaId=${randomUUID()}&domainId=${f.terms.jongeren}&targetGroupId=${f.terms.zorg}` +
          '&activeFrom=2025-01-01&activeTo=2024-01-01',
      );
      expect(p.errors.map((e) => [e.pointer, e.code])).toEqual([
        ['/activeTo', 'before_active_from'],
        ['/areaId', 'unknown_area'],
        ['/domainId', 'wrong_term_kind'],
        ['/targetGroupId', 'wrong_term_kind'],
      ]);
    });

    it('refuses ids of another workspace, too many words and unknown parameters', async () => {
      const p = await bad(`?areaId=${otherAreaId}&domainId=${otherDomainId}`);
      expect(p.errors.map((e) => [e.pointer, e.code])).toEqual([
        ['/areaId', 'unknown_area'],
        ['/domainId', 'unknown_term'],
      ]);
      const words = await bad('?q=a%20b%20c%20d%20e%20f%20g%20h%20i');
      expect(words.errors.map((e) => [e.pointer, e.code])).toEqual([['/q', 'too_many_words']]);
      const unknown = await bad('?kind=person');
      expect(unknown.errors.length).toBe(1);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDOK_WIJKENBUURTEN_DEFAULT } from '../../../config.ts';
import type { Actor } from '../../../context.ts';
import { AppError } from '../../../http/problem.ts';
import { HAVE_CBS_DATA, readCbs } from '../../../../test/cbs-data.ts';
import { startFakePdok, type FakePdok } from '../../../../test/fake-pdok.ts';
import { describeEachDialect, useTestApp } from '../../../../test/harness.ts';
import { createWorkspace } from '../../workspaces/service.ts';
import { countAreas } from '../repo.ts';
import { fetchPdokAreas, importAreasFromPdok, pdokItemsUrl, safeUrl } from './pdok.ts';

const system: Actor = { kind: 'system' };

describe('PDOK URLs', () => {
  it('builds the OGC API Features items URL of a year and collection', () => {
    const url = pdokItemsUrl(
      { baseUrl: PDOK_WIJKENBUURTEN_DEFAULT, gemeentecode: 'GM0599', year: 2024, pageSize: 500 },
      'buurten',
    );
    expect(url.href).toBe(
      'https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0599&limit=500',
    );
  });

  it('never shows credentials in a URL', () => {
    expect(safeUrl('https://user:secret@example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('not a url')).toBe('(invalid URL)');
  });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

describe.skipIf(!HAVE_CBS_DATA)('fetching from a fake PDOK', () => {
  let pdok: FakePdok;
  beforeAll(async () => {
    pdok = await startFakePdok({ maxLimit: 40 });
  });
  afterAll(async () => pdok.close());

  it('follows the next links and assembles one FeatureCollection', async () => {
    pdok.requests.length = 0;
    const r = await fetchPdokAreas({ baseUrl: pdok.baseUrl, gemeentecode: 'GM0599', year: 2024 });
    expect(r.collection.features).toHaveLength(92);
    expect(r.pages).toBe(3);
    expect(pdok.requests).toHaveLength(3);
    expect(pdok.requests[0]).toBe(
      '/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items?f=json&gemeentecode=GM0599&limit=1000',
    );
    expect(pdok.requests[2]).toContain('offset=80');
  });

  it('refuses more pages than the maximum instead of truncating', async () => {
    const err = await rejection(
      fetchPdokAreas({
        baseUrl: pdok.baseUrl,
        gemeentecode: 'GM0599',
        year: 2024,
        pageSize: 10,
        maxPages: 5,
      }),
    );
    expect(err.code).toBe('pdok_too_many_pages');
    expect(err.message).toContain('more than 5 pages');
  });

  it('names the URL and status of an HTTP error; never the credentials', async () => {
    const err = await rejection(
      fetchPdokAreas({
        baseUrl: pdok.baseUrl.replace('http://', 'http://user:s3cret@'),
        gemeentecode: 'GM0599',
        year: 2023,
      }),
    );
    expect(err.code).toBe('pdok_http_error');
    expect(err.message).toContain('HTTP 404');
    expect(err.message).toContain('/cbs/wijken-en-buurten-2023/ogc/v1/collections/buurten/items');
    expect(err.message).not.toContain('s3cret');
    expect(pdok.authorizations.at(-1)).toBe(
      `Basic ${Buffer.from('user:s3cret').toString('base64')}`,
    );
  });
});

describeEachDialect('import areas from PDOK', (dialect) => {
  const t = useTestApp(dialect);
  let pdok: FakePdok;
  let workspaceId = '';
  let alkmaarId = '';
  beforeAll(async () => {
    pdok = await startFakePdok({ maxLimit: 40, slowMs: 2_000 });
    workspaceId = (
      await createWorkspace(t().ctx, { name: `Rotterdam ${dialect}`, gemeentecode: 'GM0599' })
    ).id;
    alkmaarId = (
      await createWorkspace(t().ctx, { name: `Alkmaar ${dialect}`, gemeentecode: 'GM0361' })
    ).id;
  });
  afterAll(async () => pdok?.close());

  const run = (
    extra: { workspace?: string; gemeentecode?: string; year?: number; timeoutMs?: number } = {},
  ) =>
    importAreasFromPdok(t().ctx, system, extra.workspace ?? workspaceId, {
      baseUrl: pdok.baseUrl,
      gemeentecode: extra.gemeentecode ?? 'GM0599',
      year: extra.year ?? 2024,
      ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
    });

  it.skipIf(!HAVE_CBS_DATA)(
    '500, garbage, a timeout, an empty answer, another municipality: a clear error, nothing imported',
    async () => {
      pdok.mode = 'error';
      const e500 = await rejection(run());
      expect(e500.code).toBe('pdok_http_error');
      expect(e500.message).toMatch(
        /^Nothing was imported: PDOK answered HTTP 500 .*for http:\/\/127\.0\.0\.1:\d+\/cbs\/wijken-en-buurten-2024\/ogc\/v1\/collections\/buurten\/items\?/,
      );

      pdok.mode = 'garbage';
      const garbage = await rejection(run());
      expect(garbage.code).toBe('pdok_not_json');
      expect(garbage.message).toContain("PDOK's answer is not JSON");

      pdok.mode = 'slow';
      const slow = await rejection(run({ timeoutMs: 200 }));
      expect(slow.code).toBe('pdok_timeout');
      expect(slow.status).toBe(504);
      expect(slow.message).toContain('did not answer within 200 ms');

      pdok.mode = 'ok';
      const none = await rejection(run({ workspace: alkmaarId, gemeentecode: 'GM0361' }));
      expect(none.code).toBe('pdok_no_areas');
      expect(none.message).toContain('no buurten for GM0361 in 2024');

      const other = await rejection(run({ gemeentecode: 'GM0361' }));
      expect(other.code).toBe('other_municipality');
      const bad = await rejection(run({ gemeentecode: 'GM59' }));
      expect(bad.code).toBe('validation_failed');

      expect(await countAreas(t().ctx.db, workspaceId)).toBe(0);
      expect(await countAreas(t().ctx.db, alkmaarId)).toBe(0);
    },
  );

  it.skipIf(!HAVE_CBS_DATA)(
    'imports the 92 Rotterdam buurten exactly, over 3 pages, with the PDOK mapping',
    async () => {
      pdok.requests.length = 0;
      const r = await run();
      expect(r).toMatchObject({
        mapping: 'pdok',
        crs: 'EPSG:4326',
        created: 92,
        updated: 0,
        features: 92,
        pages: 3,
      });
      expect(pdok.requests).toHaveLength(3);
      const file = JSON.parse(readCbs('rotterdam_buurten.geojson')) as {
        features: { properties: { id: string; name: string; population: number } }[];
      };
      const rows = await t()
        .ctx.db.selectFrom('areas')
        .select(['code', 'name', 'population', 'level', 'parent_code', 'cbs_year'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('code')
        .execute();
      expect(rows).toEqual(
        file.features
          .map((f) => ({
            code: f.properties.id,
            name: f.properties.name,
            population: f.properties.population,
            level: 'buurt',
            parent_code: `WK${f.properties.id.slice(2, 8)}`,
            cbs_year: 2024,
          }))
          .sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      const again = await run();
      expect(again).toMatchObject({ created: 0, updated: 92 });
      expect(await countAreas(t().ctx.db, workspaceId)).toBe(92);
    },
  );
});

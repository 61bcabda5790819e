import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context.ts';
import { AppError } from '../../http/problem.ts';
import { collection, feature, polygon, ring } from '../../../test/geojson.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { createWorkspace } from '../workspaces/service.ts';
import { countAreas } from './repo.ts';
import { importAreas, importIndicators } from './service.ts';

const system: Actor = { kind: 'system' };

interface Problem {
  code: string;
  errors?: { pointer: string; code: string; detail: string }[];
}

async function problemOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the import to fail');
}

describeEachDialect('area imports: bad input', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let coordinator: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator']);
    slug = a.ws.slug;
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
  });

  describe('bad input: every bad feature reported, nothing imported', () => {
    let ws = { id: '', slug: '' };
    beforeAll(async () => {
      ws = await createWorkspace(t().ctx, { name: `Leeg ${dialect}`, gemeentecode: 'GM0599' });
    });

    it('lists each bad feature with its pointer and writes nothing', async () => {
      const before = await countAreas(t().ctx.db, ws.id);
      const file = collection([
        feature({ id: 'BU05990110', name: 'Goed' }, polygon()),
        feature({ id: 'BU0599011', name: 'Code te kort' }, polygon()),
        feature({ id: 'BU05990110', name: 'Dubbel' }, polygon()),
        feature({ id: 'BU05990112' }, { type: 'Polygon', coordinates: [] }),
        feature(
          { id: 'BU05990113' },
          { type: 'Polygon', coordinates: [ring(4.4, 51.9, 0.01).slice(0, 4)] },
        ),
        feature(
          { id: 'BU05990114' },
          {
            type: 'LineString',
            coordinates: [
              [4.4, 51.9],
              [4.5, 51.9],
            ],
          },
        ),
        feature({ id: 'BU03630000' }, polygon()),
        feature({ id: 'BU05990115', name: 'Ook goed' }, polygon()),
      ]);
      const res = await coordinator.inject({
        method: 'POST',
        url: `/api/v1/workspaces/${slug}/area-imports`,
        payload: { geojson: file, year: 2024 },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const p = res.json<Problem>();
      expect(p.code).toBe('invalid_area_file');
      expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([
        ['/features/1', 'invalid_code'],
        ['/features/2', 'duplicate_code'],
        ['/features/3', 'empty_geometry'],
        ['/features/4', 'unclosed_ring'],
        ['/features/5', 'unsupported_geometry'],
        ['/features/6', 'other_municipality'],
      ]);
      expect(await countAreas(t().ctx.db, ws.id)).toBe(before);
    });

    it.each([
      ['non-JSON text', 'this is not geojson', 'invalid_json'],
      [
        'a truncated file',
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Poly',
        'invalid_json',
      ],
      [
        'RD-looking coordinates under an unknown crs member',
        JSON.stringify(
          collection([feature({ id: 'BU05990110' }, polygon(92_000, 437_000, 100))], {
            crs: { type: 'name', properties: { name: 'EPSG:3857' } },
          }),
        ),
        'unknown_crs',
      ],
      [
        'coordinates in no known range',
        JSON.stringify(
          collection([feature({ id: 'BU05990110' }, polygon(500_000, 6_000_000, 100))]),
        ),
        'unknown_crs',
      ],
    ])('refuses %s', async (_name, text, code) => {
      const before = await countAreas(t().ctx.db, ws.id);
      const err = await problemOf(importAreas(t().ctx, system, ws.id, text, { year: 2024 }));
      expect(err.status).toBe(400);
      expect(err.errors.map((e) => [e.pointer, e.code])).toEqual([['/', code]]);
      expect(await countAreas(t().ctx.db, ws.id)).toBe(before);
    });

    it('answers a body that is not JSON with 400 problem+json, and one over 50 MiB with 413', async () => {
      const url = `/api/v1/workspaces/${slug}/area-imports`;
      const bad = await coordinator.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: '{"geojson": {"type": "FeatureCollection", "feat',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().code).toBe('malformed_json');
      const big = await coordinator.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: `{"year":2024,"geojson":{"pad":"${'x'.repeat(51 * 1024 * 1024)}"}}`,
      });
      expect(big.statusCode).toBe(413);
      expect(big.json<Problem>().code).toBe('body_too_large');
    });

    it('accepts a file larger than the general 1 MiB body limit', async () => {
      const w = await createWorkspace(t().ctx, {
        name: `Groot ${dialect}`,
        gemeentecode: 'GM0599',
      });
      const file = collection([
        feature({ id: 'GM0599', note: 'x'.repeat(2 * 1024 * 1024) }, polygon()),
      ]);
      const r = await importAreas(t().ctx, system, w.id, JSON.stringify(file), { year: 2024 });
      expect(r.created).toBe(1);
    });

    it('refuses indicator files with codes of another municipality, listing each row', async () => {
      const text = JSON.stringify({
        value: [
          { WijkenEnBuurten: 'GM0599', a_1: '1' },
          { WijkenEnBuurten: 'GM0363', a_1: '2' },
          { WijkenEnBuurten: 'nonsense', a_1: '3' },
        ],
      });
      const err = await problemOf(importIndicators(t().ctx, system, ws.id, text, { year: 2024 }));
      expect(err.errors.map((e) => [e.pointer, e.code])).toEqual([
        ['/rows/1', 'other_municipality'],
        ['/rows/2', 'invalid_code'],
      ]);
      expect(await countAreas(t().ctx.db, ws.id)).toBe(0);
    });
  });
});

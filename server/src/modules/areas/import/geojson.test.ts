import { describe, expect, it } from 'vitest';
import { collection as fc, feature, square } from '../../../../test/geojson.ts';
import { prepareAreas, yearFromFile } from './geojson.ts';

const GM = { gemeentecode: 'GM0599' };

describe('prepareAreas', () => {
  it('maps CBS properties, derives level and parent, nulls secret values', () => {
    const r = prepareAreas(
      fc([
        feature(
          {
            BU_CODE: 'BU05990110',
            BU_NAAM: 'Stadsdriehoek',
            WK_CODE: 'WK059901',
            AANT_INW: -99997,
          },
          { type: 'Polygon', coordinates: square(4.47, 51.92, 0.01) },
        ),
      ]),
      GM,
    );
    expect(r.issues).toEqual([]);
    expect(r.mapping).toBe('cbs');
    expect(r.crs).toBe('EPSG:4326');
    expect(r.areas[0]).toMatchObject({
      code: 'BU05990110',
      level: 'buurt',
      name: 'Stadsdriehoek',
      parentCode: 'WK059901',
      population: null,
    });
  });

  it('reprojects RD New detected from the coordinates, and from the crs member', () => {
    const f = feature(
      { code: 'GM0599', name: 'Rotterdam' },
      { type: 'Polygon', coordinates: square(155_000, 463_000, 100) },
    );
    for (const doc of [
      fc([f]),
      fc([f], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } } }),
    ]) {
      const r = prepareAreas(doc, GM);
      expect(r.issues).toEqual([]);
      expect(r.crs).toBe('EPSG:28992');
      const [lon, lat] = (r.areas[0]?.geometry.coordinates as number[][][])[0]?.[0] ?? [];
      expect(Math.abs((lon ?? 0) - 5.3872)).toBeLessThan(1e-4);
      expect(Math.abs((lat ?? 0) - 52.1552)).toBeLessThan(1e-4);
    }
  });

  it('lists every bad feature and prepares nothing', () => {
    const ok = { type: 'Polygon', coordinates: square(4.4, 51.9, 0.01) };
    const r = prepareAreas(
      fc([
        feature({ id: 'BU05990110' }, ok),
        feature({ id: 'BU0599011' }, ok),
        feature({ id: 'BU05990110' }, ok),
        feature({ id: 'BU03630000' }, ok),
        feature({ id: 'BU05990112' }, { type: 'Polygon', coordinates: [] }),
        feature(
          { id: 'BU05990113' },
          { type: 'Polygon', coordinates: [square(4.4, 51.9, 0.01)[0]?.slice(0, 4)] },
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
        feature({ id: 'BU05990115', population: 'many' }, ok),
      ]),
      GM,
    );
    expect(r.areas).toEqual([]);
    expect(r.issues.map((i) => [i.index, i.reason])).toEqual([
      [1, 'invalid_code'],
      [2, 'duplicate_code'],
      [3, 'other_municipality'],
      [4, 'empty_geometry'],
      [5, 'unclosed_ring'],
      [6, 'unsupported_geometry'],
      [7, 'invalid_population'],
    ]);
  });

  it('refuses an unknown CRS unless one is given', () => {
    const f = feature(
      { id: 'GM0599' },
      { type: 'Polygon', coordinates: square(93_000, 436_000, 10) },
    );
    const epsg3857 = fc([f], { crs: { type: 'name', properties: { name: 'EPSG:3857' } } });
    expect(prepareAreas(epsg3857, GM).issues.map((i) => i.reason)).toEqual(['unknown_crs']);
    expect(prepareAreas(epsg3857, { ...GM, crs: 'EPSG:28992' }).issues).toEqual([]);
    const far = feature(
      { id: 'GM0599' },
      { type: 'Polygon', coordinates: square(500_000, 6_000_000, 10) },
    );
    expect(prepareAreas(fc([far]), GM).issues.map((i) => i.reason)).toEqual(['unknown_crs']);
  });

  it.each([
    ['not json', 'invalid_json'],
    ['{"type":"FeatureCollection","features":[{"type":"Fea', 'invalid_json'],
    ['{"type":"Feature"}', 'not_a_feature_collection'],
    ['{"type":"FeatureCollection","features":[]}', 'no_features'],
    [
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":1},"geometry":null}]}',
      'unknown_columns',
    ],
  ])('reports a bad file %j', (text, reason) => {
    const r = prepareAreas(text, GM);
    expect(r.issues.map((i) => i.reason)).toEqual([reason]);
    expect(r.issues[0]?.index).toBeNull();
  });

  it('keeps display rings of at least 4 positions', () => {
    const ring = Array.from({ length: 200 }, (_, i) => {
      const a = (i / 200) * 2 * Math.PI;
      return [4.4 + 0.001 * Math.cos(a), 51.9 + 0.001 * Math.sin(a)];
    });
    ring.push(ring[0] as number[]);
    const r = prepareAreas(
      fc([feature({ id: 'GM0599' }, { type: 'Polygon', coordinates: [ring] })]),
      GM,
    );
    const display = (r.areas[0]?.displayGeometry.coordinates as number[][][])[0] ?? [];
    expect(display.length).toBeGreaterThanOrEqual(4);
    expect(display.length).toBeLessThan(ring.length);
  });

  it('finds the year a file states', () => {
    expect(yearFromFile({ metadata: { source: 'CBS Wijken en Buurten 2024 via PDOK WFS' } })).toBe(
      2024,
    );
    expect(yearFromFile({ features: [{ properties: { jaarcode: 2023 } }] })).toBe(2023);
    expect(yearFromFile({ features: [] })).toBeUndefined();
  });
});

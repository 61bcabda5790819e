import { describe, expect, it } from 'vitest';
import { collection as fc, feature, polygon } from '../../../../test/geojson.ts';
import { scanSource } from './pipeline.ts';
import { AreaScan, scanDocument } from './scan.ts';
import { objectSource, textSource } from './source.ts';

const mixed = fc([
  feature({ id: 'BU05990110' }, polygon()),
  feature({ BU_CODE: 'BU05990111' }, polygon(4.5)),
]);

describe('scanning an area file', () => {
  it('checks features with the best property style seen so far and asks for a rescan when it changes', () => {
    const first = scanDocument(mixed, { scope: 'GM0599' });
    expect(first.mapping).toBe('cbs');
    expect(first.rescan).toBe(true);
    const again = scanDocument(mixed, { scope: 'GM0599', mapping: 'cbs' });
    expect(again.rescan).toBe(false);
    expect(again.issues.map((i) => [i.index, i.reason])).toEqual([[0, 'missing_code']]);
  });

  it('rescans streamed sources too, giving the same verdict as a parsed file', async () => {
    for (const source of [objectSource(mixed), textSource(JSON.stringify(mixed))]) {
      const { scan } = await scanSource(source, { scope: 'GM0599' });
      expect(scan.rescan).toBe(false);
      expect(scan.issues.map((i) => [i.index, i.reason])).toEqual([[0, 'missing_code']]);
    }
  });

  it('counts levels, missing names and populations, and keeps codes in file order', () => {
    const scan = scanDocument(
      fc([
        feature({ code: 'GM0599', name: 'Rotterdam', population: 650_000 }, polygon()),
        feature({ code: 'WK059901' }, polygon(4.5)),
        feature({ code: 'BU05990110', name: 'Stadsdriehoek', population: '.' }, polygon(4.6)),
      ]),
      { scope: 'GM0599' },
    );
    expect(scan).toMatchObject({
      mapping: 'simple',
      crs: 'EPSG:4326',
      crsFrom: 'coordinates',
      features: 3,
      codes: ['GM0599', 'WK059901', 'BU05990110'],
      levels: { gemeente: 1, wijk: 1, buurt: 1 },
      missingNames: 1,
      missingPopulation: 2,
      issues: [],
    });
  });

  it('accepts every municipality when the scope is open', () => {
    const scan = scanDocument(fc([feature({ id: 'BU03630000' }, polygon())]), { scope: null });
    expect(scan.issues).toEqual([]);
  });

  it('finds the stated year in metadata, the name or the first feature', () => {
    const year = (extra: Record<string, unknown>, props: Record<string, unknown> = {}) => {
      const scan = new AreaScan({ scope: null });
      for (const [k, v] of Object.entries(extra)) scan.member(k, v);
      scan.feature(0, feature({ id: 'GM0599', ...props }, polygon()));
      scan.member('type', 'FeatureCollection');
      return scan.finish({ featuresArray: true, features: 1 }).statedYear;
    };
    expect(year({ name: 'buurten_2023_v1' })).toBe(2023);
    expect(year({ metadata: { source: 'CBS Wijken en Buurten 2024 via PDOK' } })).toBe(2024);
    expect(year({}, { JAAR: 2022 })).toBe(2022);
    expect(year({})).toBeUndefined();
  });
});

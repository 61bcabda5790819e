import { describe, expect, it } from 'vitest';
import { detectMapping, mapProperties } from './properties.ts';

describe('property mappings', () => {
  it('reads the CBS download style, most specific level first', () => {
    const p = {
      BU_CODE: 'BU05990110',
      BU_NAAM: 'Stadsdriehoek',
      WK_CODE: 'WK059901',
      GM_CODE: 'GM0599',
      AANT_INW: 13770,
    };
    expect(detectMapping([p])).toBe('cbs');
    expect(mapProperties(p, 'cbs')).toEqual({
      code: 'BU05990110',
      name: 'Stadsdriehoek',
      population: 13770,
    });
    expect(
      mapProperties({ WK_CODE: 'WK059901', WK_NAAM: 'Centrum', GM_CODE: 'GM0599' }, 'cbs').code,
    ).toBe('WK059901');
  });

  it('reads PDOK names in any case (Alkmaar: wijkCode, wijkNaam)', () => {
    const p = {
      wijkCode: 'WK036101',
      wijkNaam: 'Zuid',
      aantalInwoners: 14510,
      centroid: [4.7, 52.6],
    };
    expect(detectMapping([p])).toBe('pdok');
    expect(mapProperties(p, 'pdok')).toEqual({ code: 'WK036101', name: 'Zuid', population: 14510 });
    const q = {
      buurtcode: 'BU03630000',
      buurtnaam: 'Kop Zeedijk',
      wijkcode: 'WK036300',
      aantalInwoners: -99997,
    };
    expect(mapProperties(q, 'pdok')).toEqual({
      code: 'BU03630000',
      name: 'Kop Zeedijk',
      population: -99997,
    });
  });

  it('reads simple exports (id/code, name/naam, population)', () => {
    expect(detectMapping([{ id: 'BU05990110', name: 'X', population: 1 }])).toBe('simple');
    expect(mapProperties({ code: ' GM0599 ', naam: 'Rotterdam' }, 'simple')).toEqual({
      code: 'GM0599',
      name: 'Rotterdam',
      population: undefined,
    });
  });

  it('finds no mapping when no feature has a code field', () => {
    expect(detectMapping([{ foo: 1 }, {}])).toBeUndefined();
  });
});

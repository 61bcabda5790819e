import { describe, expect, it } from 'vitest';
import { indicatorKey, parseIndicators } from './statline.ts';

describe('StatLine kerncijfers', () => {
  it('parses OData JSON with a BOM, padded codes, string numbers and "."', () => {
    const text =
      '\uFEFF' +
      JSON.stringify({
        value: {
          '1': {
            ID: 1,
            WijkenEnBuurten: 'GM0599    ',
            k_0Tot15Jaar_8: '  103435',
            GemiddeldInkomenPerInwoner_66: '    23.7',
          },
          '2': {
            ID: 2,
            WijkenEnBuurten: 'WK059901  ',
            k_0Tot15Jaar_8: '    3170',
            GemiddeldInkomenPerInwoner_66: '       .',
          },
        },
      });
    const r = parseIndicators(text);
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('json');
    expect(r.rows).toEqual([
      {
        index: 0,
        code: 'GM0599',
        values: { k_0Tot15Jaar: 103435, GemiddeldInkomenPerInwoner: 23.7 },
      },
      {
        index: 1,
        code: 'WK059901',
        values: { k_0Tot15Jaar: 3170, GemiddeldInkomenPerInwoner: null },
      },
    ]);
  });

  it('parses CSV (semicolons, quotes, decimal comma) and ignores text columns', () => {
    const csv =
      '\uFEFF"ID";"WijkenEnBuurten";"Gemeentenaam_1";"Bevolkingsdichtheid_33";"GemiddeldInkomenPerInwoner_66"\r\n' +
      '1;"BU05990110";"Rotterdam                               ";"  5120";"21,4"\r\n' +
      '2;"BU05990111";"Rotterdam";"     .";"-99997"\r\n';
    const r = parseIndicators(csv);
    expect(r.issues).toEqual([]);
    expect(r.format).toBe('csv');
    expect(r.ignoredColumns).toEqual(['Gemeentenaam_1']);
    expect(r.rows.map((x) => x.values)).toEqual([
      { Bevolkingsdichtheid: 5120, GemiddeldInkomenPerInwoner: 21.4 },
      { Bevolkingsdichtheid: null, GemiddeldInkomenPerInwoner: null },
    ]);
  });

  it('reports every bad row: invalid and duplicate codes', () => {
    const text = JSON.stringify({
      value: [
        { WijkenEnBuurten: 'GM0599', a_1: '1' },
        { WijkenEnBuurten: 'XX12', a_1: '2' },
        { WijkenEnBuurten: 'GM0599 ', a_1: '3' },
      ],
    });
    const r = parseIndicators(text);
    expect(r.issues.map((i) => [i.index, i.reason])).toEqual([
      [1, 'invalid_code'],
      [2, 'duplicate_code'],
    ]);
  });

  it('reports a truncated file, a file without rows and one without a code column', () => {
    expect(parseIndicators('{"value":{"1":{"WijkenEnB').issues[0]?.reason).toBe('invalid_json');
    expect(parseIndicators('{"foo":1}').issues[0]?.reason).toBe('not_statline');
    expect(parseIndicators('a;b\n1;2\n').issues[0]?.reason).toBe('unknown_columns');
  });

  it('skips empty values and merges a misspelt column with the same StatLine position', () => {
    const text = JSON.stringify({
      value: [
        { WijkenEnBuurten: 'BU05990110', k_65JaarOfOuder_12: ' 10', Misdrijven_108: '' },
        { WijkenEnBuurten: 'BU05990111', k_65JaarOfOuder_12: ' 20', Misdrijven_108: '  3' },
        { WijkenEnBuurten: 'BU05990836', k_65JaarrOfOude_12: ' 275', Misdrijven_108: '       .' },
      ],
    });
    expect(parseIndicators(text).rows.map((r) => r.values)).toEqual([
      { k_65JaarOfOuder: 10 },
      { k_65JaarOfOuder: 20, Misdrijven: 3 },
      { k_65JaarOfOuder: 275, Misdrijven: null },
    ]);
  });

  it('keeps the StatLine key without its numeric suffix', () => {
    expect(indicatorKey('k_0Tot15Jaar_8')).toBe('k_0Tot15Jaar');
    expect(indicatorKey('Bevolkingsdichtheid_33')).toBe('Bevolkingsdichtheid');
    expect(indicatorKey('AantalInwoners')).toBe('AantalInwoners');
  });
});

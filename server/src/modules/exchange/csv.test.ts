import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, detectDelimiter, formatCsv, parseCsv } from './csv.ts';

describe('CSV writer', () => {
  it('quotes per RFC 4180: delimiter, quotes and line breaks; doubles quotes', () => {
    expect(csvCell('plain', ';')).toBe('plain');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('zei "hoi"', ';')).toBe('"zei ""hoi"""');
    expect(csvCell('regel 1\nregel 2', ';')).toBe('"regel 1\nregel 2"');
    expect(csvCell('a\r\nb', ',')).toBe('"a\r\nb"');
    expect(csvCell(null, ';')).toBe('');
    expect(csvCell(undefined, ';')).toBe('');
  });

  it("prefixes cells a spreadsheet would run as a formula with '", () => {
    for (const evil of ['=HYPERLINK("http://x")', '+31 10 123', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(parseCsv(csvCell(evil, ',')).records[0]?.cells[0]).toBe(`'${evil}`);
    expect(csvCell('=1;2', ';')).toBe('"\'=1;2"');
    expect(csvCell('a=b', ';')).toBe('a=b');
  });

  it('writes numbers with a decimal comma in ; files (Excel NL) and a point in , files', () => {
    expect(csvCell(2.5, ';')).toBe('2,5');
    expect(csvCell(2.5, ',')).toBe('2.5');
    expect(csvCell(-3, ',')).toBe('-3');
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    const text = formatCsv(
      ['naam', 'uren'],
      [
        ['De Linde', 2.5],
        [null, 4],
      ],
      ';',
    );
    expect(text).toBe(`${BOM}naam;uren\r\nDe Linde;2,5\r\n;4\r\n`);
  });

  it('round-trips any text through write and read (both delimiters)', () => {
    const cell = fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',' as const, ';' as const),
        (rows, delimiter) => {
          const parsed = parseCsv(formatCsv(['a', 'b'], rows, delimiter));
          expect(parsed.issues).toEqual([]);
          expect(parsed.delimiter).toBe(delimiter === ';' ? ';' : ',');
          expect(parsed.records.map((r) => r.cells)).toEqual([['a', 'b'], ...rows]);
        },
      ),
    );
  });
});

describe('CSV reader', () => {
  it('detects ; or , from the header, outside quotes; , on a tie', () => {
    expect(detectDelimiter('naam;soort;kvk\nA,B;c;d')).toBe(';');
    expect(detectDelimiter('name,kind\n')).toBe(',');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('naam\n')).toBe(',');
  });

  it('drops the BOM, reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    const parsed = parseCsv(`${BOM}naam;omschrijving\r\n"A;B";"zei ""ja""\r\nen ging"\r\nC;\n`);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.issues).toEqual([]);
    expect(parsed.records).toEqual([
      { row: 1, cells: ['naam', 'omschrijving'] },
      { row: 2, cells: ['A;B', 'zei "ja"\r\nen ging'] },
      { row: 3, cells: ['C', ''] },
    ]);
  });

  it('numbers rows like a spreadsheet: empty lines count, CR and LF alone end a record', () => {
    const parsed = parseCsv('a,b\n\n1,2\r3,4');
    expect(parsed.records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['1', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('reports a quote that is never closed at its row (a truncated file) and drops that record', () => {
    const parsed = parseCsv('naam;omschrijving\nA;goed\nB;"begint maar\nstopt');
    expect(parsed.issues).toEqual([
      { row: 3, code: 'unclosed_quote', detail: expect.stringContaining('truncated') },
    ]);
    expect(parsed.records.map((r) => r.row)).toEqual([1, 2]);
  });

  it('reports text after a closing quote once per row, keeping the text', () => {
    const parsed = parseCsv('a,b\n"x"y,"p"q\n');
    expect(parsed.issues).toEqual([
      { row: 2, code: 'text_after_quote', detail: expect.stringContaining('closing quote') },
    ]);
    expect(parsed.records[1]?.cells).toEqual(['xy', 'pq']);
  });

  it('reads an empty text as no records and a last line without a line break', () => {
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('a,"b"').records).toEqual([{ row: 1, cells: ['a', 'b'] }]);
  });
});

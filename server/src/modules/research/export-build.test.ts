import { describe, expect, it } from 'vitest';
import {
  codePaths,
  labelWaves,
  segmentsCsv,
  tidyCsv,
  valueCells,
  wideCsv,
  type ExportItem,
  type ExportWave,
} from './export-build.ts';
import { buildCodebook, codebookMarkdown } from './export-codebook.ts';

const waves: ExportWave[] = [
  { id: 'b', title: 'Later', startsOn: '2025-01-01', endsOn: null, source: 'platform' },
  { id: 'a', title: 'Eerder', startsOn: '2011-05-01', endsOn: '2011-06-01', source: 'import' },
];
const choices = {
  choices: [
    { value: 'x', labelNl: 'Iks' },
    { value: 'y', labelNl: 'IJ, met komma' },
  ],
};
const it_ = (
  id: string,
  waveId: string,
  code: string,
  kind: ExportItem['kind'],
  position: number,
  options = {},
) => ({
  id,
  waveId,
  code,
  kind,
  position,
  promptNl: `Vraag ${code}`,
  promptEn: null,
  options,
});
const items: ExportItem[] = [
  it_('m1', 'a', 'many', 'multiple', 1, choices),
  it_('t1', 'a', 'open', 'text', 0),
  it_('n2', 'b', 'names', 'network', 0),
  it_('v2', 'b', 'size', 'number', 1),
];

describe('export builders (pure)', () => {
  it('labels waves w1, w2… by start date', () => {
    expect(labelWaves(waves).map((w) => [w.id, w.label])).toEqual([
      ['a', 'w1'],
      ['b', 'w2'],
    ]);
  });

  it('values and labels per kind; a network item exports the number of names', () => {
    expect(valueCells(items[0]!, ['x', 'y'])).toEqual(['x;y', 'Iks;IJ, met komma']);
    expect(valueCells(items[2]!, ['actor-1', 'actor-2', 'actor-3'])).toEqual([3, '']);
    expect(valueCells(items[3]!, -2.5)).toEqual([-2.5, '']);
  });

  it('quotes what needs quoting and defuses formulas; rows follow pseudonym, wave, position', () => {
    const answers = [
      { waveId: 'b', itemId: 'n2', pseudonym: 'P-B', value: ['q'] },
      { waveId: 'a', itemId: 't1', pseudonym: 'P-B', value: '=SUM(A1) "zei ze",\nklaar' },
      { waveId: 'a', itemId: 'm1', pseudonym: 'P-A', value: ['y'] },
      { waveId: 'x', itemId: 'gone', pseudonym: 'P-A', value: 1 },
    ];
    expect(tidyCsv(waves, items, answers)).toEqual({
      rows: 3,
      body:
        '\uFEFFpseudonym,wave,wave_date,item,value,value_label\r\n' +
        'P-A,w1,2011-05-01,many,y,"IJ, met komma"\r\n' +
        `P-B,w1,2011-05-01,open,"'=SUM(A1) ""zei ze"",\nklaar",\r\n` +
        'P-B,w2,2025-01-01,names,1,\r\n',
    });
    expect(wideCsv(waves, items, answers).body).toBe(
      '\uFEFFpseudonym,open_w1,many_w1,names_w2,size_w2\r\n' +
        'P-A,,y,,\r\n' +
        `P-B,"'=SUM(A1) ""zei ze"",\nklaar",,1,\r\n`,
    );
  });

  it('segments carry the code path; the codebook lists variables and codes', () => {
    const codes = [
      { id: 'c2', parentId: 'c1', name: 'Kind', definition: 'Een | teken', position: 0 },
      { id: 'c1', parentId: null, name: 'Ouder', definition: null, position: 0 },
    ];
    expect(codePaths(codes).get('c2')).toBe('Ouder > Kind');
    const seg = segmentsCsv(waves, codes, [
      {
        pseudonym: 'P-A',
        waveId: null,
        source: 'interview',
        sourceId: 'i1',
        codeId: 'c2',
        start: 3,
        end: 7,
        text: 'abcd',
      },
    ]);
    expect(seg.body.split('\r\n')[1]).toBe('P-A,,interview,i1,Kind,Ouder > Kind,3,7,abcd');
    const book = buildCodebook('Studie', '2026-01-01T00:00:00.000Z', waves, items, codes);
    expect(book.variables.map((v) => v.name)).toEqual([
      'open_w1',
      'many_w1',
      'names_w2',
      'size_w2',
    ]);
    expect(book.codes[0]?.children[0]?.path).toBe('Ouder > Kind');
    expect(codebookMarkdown(book)).toContain('  - **Kind** — Een \\| teken');
  });
});

import { describe, expect, it } from 'vitest';
import {
  columnsPayload,
  csvHeader,
  detectDelimiter,
  guessMapping,
  guessParticipantColumn,
  mappingProblems,
  rowProblems,
} from './columns.ts';

describe('csvHeader', () => {
  it('reads a Dutch Excel header (semicolons, BOM, quotes)', () => {
    expect(csvHeader('\uFEFFpseudoniem;"Q1; buurt";q2\r\nP-1;3;4\n')).toEqual([
      'pseudoniem',
      'Q1; buurt',
      'q2',
    ]);
  });

  it('reads commas, escaped quotes and a quoted header spanning lines', () => {
    expect(csvHeader('a,"b ""c""","d\ne"\n1,2,3')).toEqual(['a', 'b "c"', 'd\ne']);
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(csvHeader('')).toEqual([]);
  });
});

describe('mapping', () => {
  const codes = ['q1', 'vertrouwen_buurt', 'leeftijd'];

  it('guesses the participant column and items by header', () => {
    const headers = ['Respondent', 'Pseudoniem', 'Q1', 'vertrouwen buurt', 'leeftijd_w1', 'opm'];
    const participant = guessParticipantColumn(headers);
    expect(participant).toBe('Pseudoniem');
    expect(guessMapping(headers, codes, participant)).toEqual({
      Respondent: '',
      Q1: 'q1',
      'vertrouwen buurt': 'vertrouwen_buurt',
      leeftijd_w1: 'leeftijd',
      opm: '',
    });
  });

  it('sends mapped columns only and refuses two columns on one item or none at all', () => {
    const mapping = { pseudoniem: 'q1', a: 'q1', b: '', c: 'leeftijd' };
    expect(columnsPayload(mapping, 'pseudoniem')).toEqual({ a: 'q1', c: 'leeftijd' });
    expect(mappingProblems(mapping, 'pseudoniem')).toEqual([]);
    expect(mappingProblems({ a: 'q1', b: 'q1' }, 'p')).toEqual([
      { kind: 'duplicate', code: 'q1', columns: ['a', 'b'] },
    ]);
    expect(mappingProblems({ a: '' }, 'p')).toEqual([{ kind: 'nothingMapped' }]);
  });
});

describe('rowProblems', () => {
  it('takes the row from the pointer and the column from the field or the detail', () => {
    expect(
      rowProblems([
        {
          pointer: '/rows/7',
          code: 'not_a_number',
          detail: 'Row 7, column "Q1 buurt": "veel" is not a number.',
        },
        { pointer: '/rows/3', code: 'unknown_participant', detail: 'Row 3: no such', column: 'p' },
        { pointer: '/columns/x~1y', code: 'unknown_item', detail: 'The wave has no item "q9".' },
        { pointer: '/content', code: 'empty_file', detail: 'The file is empty.' },
      ]),
    ).toEqual([
      { row: null, column: null, code: 'empty_file', reason: 'The file is empty.', value: null },
      {
        row: 1,
        column: 'x/y',
        code: 'unknown_item',
        reason: 'The wave has no item "q9".',
        value: null,
      },
      { row: 3, column: 'p', code: 'unknown_participant', reason: 'no such', value: null },
      {
        row: 7,
        column: 'Q1 buurt',
        code: 'not_a_number',
        reason: '"veel" is not a number.',
        value: 'veel',
      },
    ]);
  });
});

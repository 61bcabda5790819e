import { describe, expect, it } from 'vitest';
import {
  filterCandidates,
  isAnswered,
  likertScale,
  missingRequired,
  parseNumberAnswer,
  promptOf,
} from './answers.ts';

describe('answers', () => {
  it('counts an answer only when it says something', () => {
    expect([null, undefined, '', '  ', [], Number.NaN].map(isAnswered)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([0, 'x', ['a']].map(isAnswered)).toEqual([true, true, true]);
  });

  it('lists the required items without an answer, in order', () => {
    const items = [
      { id: 'a', required: true },
      { id: 'b', required: false },
      { id: 'c', required: true },
      { id: 'd', required: true },
    ];
    expect(missingRequired(items, { a: 3, c: [] }).map((i) => i.id)).toEqual(['c', 'd']);
  });

  it('speaks the language, falling back to Dutch', () => {
    expect(promptOf({ promptNl: 'Vraag', promptEn: 'Question' }, 'en')).toBe('Question');
    expect(promptOf({ promptNl: 'Vraag', promptEn: null }, 'en')).toBe('Vraag');
    expect(promptOf({ promptNl: 'Vraag', promptEn: 'Question' }, 'nl')).toBe('Vraag');
  });

  it('labels the Likert ends with their anchors', () => {
    expect(likertScale({ points: 3, anchorsNl: ['nooit', 'altijd'] }, 'en')).toEqual([
      { value: '1', label: '1 – nooit' },
      { value: '2', label: '2' },
      { value: '3', label: '3 – altijd' },
    ]);
    expect(likertScale({}, 'nl')).toHaveLength(5);
  });

  it('checks a typed number against the bounds before saving', () => {
    const o = { min: 0, max: 10, integer: true };
    expect(parseNumberAnswer('', o)).toEqual({ value: null });
    expect(parseNumberAnswer(' 7 ', o)).toEqual({ value: 7 });
    expect(parseNumberAnswer('abc', o)).toEqual({ problem: 'notNumber' });
    expect(parseNumberAnswer('2,5', o)).toEqual({ problem: 'notInteger' });
    expect(parseNumberAnswer('2,5', { max: 3 })).toEqual({ value: 2.5 });
    expect(parseNumberAnswer('-1', o)).toEqual({ problem: 'belowMin' });
    expect(parseNumberAnswer('11', o)).toEqual({ problem: 'aboveMax' });
  });

  it('filters candidates by name, ignoring case and accents, keeping the chosen', () => {
    const c = [
      { id: '1', name: 'Buurthuis De Kóepel' },
      { id: '2', name: 'Anna Jansen' },
      { id: '3', name: 'Voedselbank' },
    ];
    expect(filterCandidates(c, 'koep', []).map((x) => x.id)).toEqual(['1']);
    expect(filterCandidates(c, 'KOEP', ['3']).map((x) => x.id)).toEqual(['1', '3']);
    expect(filterCandidates(c, ' ', [])).toHaveLength(3);
  });
});

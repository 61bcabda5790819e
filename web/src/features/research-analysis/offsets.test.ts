import { describe, expect, it } from 'vitest';
import { excerpt, paragraphsOf, piecesOf, spanError, trimSpan } from './offsets.ts';

describe('piecesOf', () => {
  it('cuts at every boundary and joins back to the text', () => {
    const text = 'Ik woon hier al twintig jaar.';
    const pieces = piecesOf(text, [
      { id: 'a', start: 3, end: 12 },
      { id: 'b', start: 8, end: 20 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.map((p) => [p.start, p.end, p.segmentIds])).toEqual([
      [0, 3, []],
      [3, 8, ['a']],
      [8, 12, ['a', 'b']],
      [12, 20, ['b']],
      [20, 29, []],
    ]);
  });

  it('counts UTF-16 code units, so an emoji takes two', () => {
    const text = 'a😀b';
    const pieces = piecesOf(text, [{ id: 's', start: 1, end: 3 }]);
    expect(pieces.find((p) => p.segmentIds.length)?.text).toBe('😀');
  });

  it('clips segments beyond the text and ignores empty ones', () => {
    const pieces = piecesOf('abc', [
      { id: 'x', start: 2, end: 10 },
      { id: 'y', start: 5, end: 9 },
    ]);
    expect(pieces.map((p) => [p.text, p.segmentIds])).toEqual([
      ['ab', []],
      ['c', ['x']],
    ]);
  });

  it('gives one plain piece without segments, none for an empty text', () => {
    expect(piecesOf('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', segmentIds: [] }]);
    expect(piecesOf('', [])).toEqual([]);
  });
});

describe('paragraphsOf', () => {
  it('splits on blank lines and trims each paragraph', () => {
    const text = 'Eerste alinea.\n\n  Tweede\nregel.\r\n\r\nDerde. ';
    const spans = paragraphsOf(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Eerste alinea.',
      'Tweede\nregel.',
      'Derde.',
    ]);
  });

  it('skips whitespace-only parts', () => {
    expect(paragraphsOf('\n\n \n\nA\n\n\n\n')).toEqual([{ start: 5, end: 6 }]);
  });
});

describe('trimSpan and spanError', () => {
  it('trims whitespace and orders reversed selections', () => {
    expect(trimSpan('  ab  ', { start: 6, end: 0 })).toEqual({ start: 2, end: 4 });
    expect(trimSpan('   ', { start: 0, end: 3 })).toBeNull();
  });

  it('rejects empty, reversed and out-of-range spans', () => {
    expect(spanError({ start: 0, end: 3 }, 3)).toBeNull();
    expect(spanError({ start: 2, end: 2 }, 3)).toBe('order');
    expect(spanError({ start: 0, end: 4 }, 3)).toBe('range');
    expect(spanError({ start: -1, end: 2 }, 3)).toBe('range');
    expect(spanError({ start: 0.5, end: 2 }, 3)).toBe('range');
  });
});

describe('excerpt', () => {
  it('flattens whitespace and shortens without splitting a surrogate pair', () => {
    expect(excerpt('a\n\nb')).toBe('a b');
    const long = `${'x'.repeat(8)}😀yyyy`;
    const short = excerpt(long, 10);
    expect(short.endsWith('…')).toBe(true);
    expect(short).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, replacementCharacterIn, sniffEncoding, Utf8Decoder } from './utf8.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Decodes `data` cut at the given offsets. */
function decodeInPieces(data: Uint8Array, cuts: number[]) {
  const d = new Utf8Decoder();
  const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
  let text = '';
  let from = 0;
  for (const p of points) {
    text += d.decode(data.subarray(from, p));
    from = p;
  }
  text += d.decode(data.subarray(from), true);
  return { text, invalidAt: d.invalidAt, problem: d.problem() };
}

describe('UTF-8 checks', () => {
  it.each([
    [bytes(0xff, 0xfe, 0x7b, 0x00), /UTF-16 \(little-endian/],
    [bytes(0xfe, 0xff, 0x00, 0x7b), /UTF-16 \(big-endian/],
    [bytes(0xff, 0xfe, 0x00, 0x00), /UTF-32/],
    [bytes(0x7b, 0x00, 0x22, 0x00), /NUL bytes/],
  ])('refuses a file starting with %j', (head, message) => {
    expect(sniffEncoding(head)?.detail).toMatch(message);
  });

  it('accepts UTF-8 with or without a byte-order mark', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x7b))).toBeUndefined();
    expect(sniffEncoding(utf8('{"type"'))).toBeUndefined();
    const d = new Utf8Decoder();
    expect(d.decode(bytes(0xef, 0xbb, 0xbf, 0x7b), true)).toBe('{');
  });

  it('finds a Latin-1 byte, names its offset, and still decodes the rest', () => {
    const data = bytes(...utf8('{"naam":"Caf'), 0xe9, ...utf8('"}'));
    const r = decodeInPieces(data, [3, 11]);
    expect(r.invalidAt).toBe(12);
    expect(r.text).toBe('{"naam":"Caf\uFFFD"}');
    expect(r.problem?.detail).toMatch(/byte 12 \(0xE9\)/);
  });

  it('finds the same invalid offsets as the platform decoder (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (data) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(data);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(data) === -1).toBe(valid);
      }),
      { numRuns: 5000 },
    );
  });

  it('decodes any text cut anywhere exactly as a whole (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.nat()), (s, cuts) => {
        const r = decodeInPieces(utf8(s), cuts);
        expect(r.text).toBe(s.replace(/^\uFEFF/, ''));
        expect(r.invalidAt).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('reports the offset of a stray byte wherever the cuts fall (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(0x80, 0xbf, 0xc0, 0xe9, 0xff),
        fc.array(fc.nat()),
        (before, after, stray, cuts) => {
          const head = utf8(before.replace(/^\uFEFF/, ''));
          const data = new Uint8Array([...head, stray, ...utf8(after)]);
          const r = decodeInPieces(data, cuts);
          expect(r.invalidAt).toBe(head.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the property that holds a replacement character', () => {
    expect(replacementCharacterIn({ BU_CODE: 'BU0', BU_NAAM: 'Caf\uFFFD' })).toBe('BU_NAAM');
    expect(replacementCharacterIn({ BU_NAAM: 'Café', AANT_INW: 3 })).toBeUndefined();
  });
});

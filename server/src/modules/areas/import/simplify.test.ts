import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simplifyRing } from './simplify.ts';

describe('simplifyRing (Douglas–Peucker)', () => {
  it('drops points on a straight edge and keeps the corners', () => {
    const ring = [
      [0, 0],
      [0.5, 0],
      [1, 0],
      [1, 0.5],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(ring, 0.01)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('never returns fewer than 4 positions and stays closed, first position kept', () => {
    const position = fc.tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(position, { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (points, tolerance) => {
          const ring = [...points, points[0] as [number, number]];
          const out = simplifyRing(ring, tolerance);
          expect(out.length).toBeGreaterThanOrEqual(4);
          expect(out.length).toBeLessThanOrEqual(ring.length);
          expect(out[0]).toEqual(ring[0]);
          expect(out[out.length - 1]).toEqual(ring[0]);
          for (const p of out) expect(ring).toContainEqual(p);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HAVE_CBS_DATA, readCbs } from '../../../../test/cbs-data.ts';
import {
  distinctPositions,
  forEachCrossing,
  ringArea2,
  ringSelfIntersection,
  segmentsMeet,
} from './rings.ts';

const close = (r: number[][]) => [...r, r[0] as number[]];
const square = close([
  [0, 0],
  [4, 0],
  [4, 4],
  [0, 4],
]);

/** A regular n-gon (counter-clockwise), closed. */
const regular = (n: number, r = 100, cx = 0, cy = 0) =>
  close(
    Array.from({ length: n }, (_, i) => [
      cx + r * Math.cos((2 * Math.PI * i) / n),
      cy + r * Math.sin((2 * Math.PI * i) / n),
    ]),
  );

/** Every pair of edges that meet, the slow way: the reference for the sweep. */
function bruteForce(pts: number[][]): string[] {
  const n = pts.length - 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const p = pts[i] as number[];
      const q = pts[i + 1] as number[];
      const a = pts[j] as number[];
      const b = pts[j + 1] as number[];
      if (j === i + 1 || (i === 0 && j === n - 1)) {
        // Neighbours: only a fold back along each other counts.
        const [first, second] = j === i + 1 ? [i, j] : [j, i];
        const u = pts[first] as number[];
        const v = pts[second] as number[];
        const w = pts[second + 1] as number[];
        const cross =
          ((v[0] as number) - (u[0] as number)) * ((w[1] as number) - (u[1] as number)) -
          ((v[1] as number) - (u[1] as number)) * ((w[0] as number) - (u[0] as number));
        const dot =
          ((u[0] as number) - (v[0] as number)) * ((w[0] as number) - (v[0] as number)) +
          ((u[1] as number) - (v[1] as number)) * ((w[1] as number) - (v[1] as number));
        if (cross === 0 && dot > 0) out.push(`${i}-${j}`);
      } else if (segmentsMeet(p, q, a, b)) out.push(`${i}-${j}`);
    }
  return out.sort();
}

function sweep(pts: number[][]): string[] {
  const out: string[] = [];
  forEachCrossing(pts, (c) => void out.push(`${c.edges[0]}-${c.edges[1]}`));
  return out.sort();
}

describe('ring checks', () => {
  it('computes twice the signed area (counter-clockwise positive)', () => {
    expect(ringArea2(square)).toBe(32);
    expect(ringArea2([...square].reverse())).toBe(-32);
  });

  it('finds segments that cross, touch or overlap, and not those that do not', () => {
    expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toEqual([1, 1]);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [1, 5])).toEqual([1, 0]);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [3, 0])).toEqual([1, 0]);
    expect(segmentsMeet([0, 0], [2, 0], [0, 1], [2, 1])).toBeUndefined();
    expect(segmentsMeet([0, 0], [1, 1], [2, 2], [3, 3])).toBeUndefined();
  });

  it('accepts simple rings, also with repeated positions', () => {
    expect(ringSelfIntersection(square)).toEqual({ negligible: 0 });
    expect(ringSelfIntersection(regular(500))).toEqual({ negligible: 0 });
    const repeated = [square[0], square[1], square[1], square[2], square[3], square[4]];
    expect(ringSelfIntersection(repeated as number[][])).toEqual({ negligible: 0 });
  });

  it('names where a bow-tie crosses itself', () => {
    const bowTie = close([
      [0, 0],
      [4, 4],
      [4, 0],
      [0, 4],
    ]);
    expect(ringSelfIntersection(bowTie).crossing).toEqual({ edges: [0, 2], at: [2, 2] });
  });

  it('refuses a ring touching itself at a vertex (figure eight) and a spike', () => {
    const eight = close([
      [0, 0],
      [2, 2],
      [4, 0],
      [4, 4],
      [2, 2],
      [0, 4],
    ]);
    expect(ringSelfIntersection(eight).crossing?.at).toEqual([2, 2]);
    const spike = close([
      [0, 0],
      [4, 0],
      [4, 2],
      [8, 2],
      [4, 2],
      [4, 4],
      [0, 4],
    ]);
    expect(ringSelfIntersection(spike).crossing).toBeDefined();
  });

  it('tolerates a sub-metre fold in a large ring, and counts it', () => {
    // A 1 km square (RD metres) with a 1 × 2 cm curl at one corner.
    const folded = close([
      [0, 0],
      [1000, 0],
      [1000, 1000],
      [0.03, 1000],
      [0.01, 1000],
      [0.01, 1000.02],
      [0.02, 1000.02],
      [0.02, 999.99],
      [0, 999.99],
    ]);
    const r = ringSelfIntersection(folded);
    expect(r.crossing).toBeUndefined();
    expect(r.negligible).toBe(1);
  });

  it.skipIf(!HAVE_CBS_DATA)(
    'finds the 8 rounding folds of the real Rotterdam file and nothing worse',
    () => {
      const doc = JSON.parse(readCbs('rotterdam_buurten.geojson')) as {
        features: { geometry: { coordinates: number[][][][] } }[];
      };
      let negligible = 0;
      for (const f of doc.features)
        for (const poly of f.geometry.coordinates)
          for (const ring of poly) {
            const r = ringSelfIntersection(ring);
            expect(r.crossing).toBeUndefined();
            negligible += r.negligible;
          }
      expect(negligible).toBe(8);
    },
  );

  const coord = fc.integer({ min: -6, max: 6 });
  const randomRing = fc
    .array(fc.tuple(coord, coord), { minLength: 3, maxLength: 14 })
    .map((ps) => distinctPositions(close(ps)) as number[][])
    .filter((r) => r.length >= 4);

  it('the sweep finds exactly the crossings the brute force finds (property)', () => {
    fc.assert(
      fc.property(randomRing, (ring) => {
        expect(sweep(ring)).toEqual(bruteForce(ring));
      }),
      { numRuns: 2000 },
    );
  });

  it('star-shaped rings never cross themselves (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 300 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (radii, shift) => {
          const ring = close(
            radii.map((r, i) => {
              const a = (2 * Math.PI * i) / radii.length;
              return [shift + 50 * r * Math.cos(a), shift + 50 * r * Math.sin(a)];
            }),
          );
          expect(ringSelfIntersection(ring).crossing).toBeUndefined();
        },
      ),
    );
  });

  it('swapping two opposite corners of a convex ring (5+ corners) makes it cross itself (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 59 }), (n, k) => {
        const open = regular(n).slice(0, -1);
        const i = k % n;
        const j = (i + Math.floor(n / 2)) % n;
        [open[i], open[j]] = [open[j] as number[], open[i] as number[]];
        expect(ringSelfIntersection(close(open)).crossing).toBeDefined();
      }),
    );
  });

  it('the verdict does not depend on direction or starting position (property)', () => {
    fc.assert(
      fc.property(randomRing, fc.nat(), (ring, k) => {
        const open = ring.slice(0, -1);
        const s = k % open.length;
        const rotated = close([...open.slice(s), ...open.slice(0, s)]);
        const reversed = [...ring].reverse();
        const verdict = (r: number[][]) =>
          ringArea2(r) === 0 ? 'flat' : ringSelfIntersection(r).crossing ? 'crossing' : 'simple';
        expect(verdict(rotated)).toBe(verdict(ring));
        expect(verdict(reversed)).toBe(verdict(ring));
      }),
      { numRuns: 1000 },
    );
  });
});

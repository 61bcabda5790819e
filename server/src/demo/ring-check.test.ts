import { describe, expect, it } from 'vitest';
import { pointInRing, ringProblems } from './ring-check.ts';

const square = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];

describe('ring check (for the generated boundaries)', () => {
  it('accepts a simple closed ring in either orientation', () => {
    expect(ringProblems(square)).toEqual([]);
    expect(ringProblems([...square].reverse())).toEqual([]);
  });

  it('finds a bow-tie, an open ring, a repeated position, a fold and too few positions', () => {
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(ringProblems(bowTie)).toContain('edges 0 and 2 meet');
    expect(ringProblems(square.slice(0, 4))).toEqual(['not closed']);
    const repeat = [
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    expect(ringProblems(repeat).some((p) => p.includes('repeats'))).toBe(true);
    const fold = [
      [0, 0],
      [2, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(ringProblems(fold).some((p) => p.includes('fold back') || p.includes('meet'))).toBe(
      true,
    );
    const touch = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0],
      [0, 4],
      [0, 0],
    ];
    expect(ringProblems(touch).length).toBeGreaterThan(0);
    expect(
      ringProblems([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toEqual(['only 3 positions']);
    expect(
      ringProblems([
        [0, 0],
        [1, 0],
        [1, NaN],
        [0, 0],
      ]),
    ).toEqual(['a position is not a pair of finite numbers']);
  });

  it('tells inside from outside', () => {
    expect(pointInRing([1, 1], square)).toBe(true);
    expect(pointInRing([3, 1], square)).toBe(false);
  });
});

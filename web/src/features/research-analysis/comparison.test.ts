import { describe, expect, it } from 'vitest';
import { changeBins, changeSummary, distributionRows } from './comparison.ts';
import type { ComparedItem } from './types.ts';

const item: ComparedItem = {
  code: 'q1',
  kind: 'likert',
  promptNl: 'Vertrouwen',
  promptEn: null,
  waves: [
    {
      waveId: 'w1',
      n: 4,
      mean: 2.5,
      median: 2.5,
      sd: 1,
      distribution: [
        { value: 1, label: '1', count: 1 },
        { value: 2, label: '2', count: 1 },
        { value: 3, label: '3', count: 2 },
      ],
    },
    {
      waveId: 'w2',
      n: 2,
      mean: 4,
      median: 4,
      sd: 0,
      distribution: [
        { value: 3, label: '3', count: 0 },
        { value: 4, label: '4', count: 2 },
      ],
    },
  ],
  paired: null,
};

describe('distributionRows', () => {
  it('aligns values across waves, with shares of each wave and zeros for missing values', () => {
    expect(distributionRows(item)).toEqual([
      {
        value: '1',
        label: '1',
        cells: [
          { count: 1, share: 0.25 },
          { count: 0, share: 0 },
        ],
      },
      {
        value: '2',
        label: '2',
        cells: [
          { count: 1, share: 0.25 },
          { count: 0, share: 0 },
        ],
      },
      {
        value: '3',
        label: '3',
        cells: [
          { count: 2, share: 0.5 },
          { count: 0, share: 0 },
        ],
      },
      {
        value: '4',
        label: '4',
        cells: [
          { count: 0, share: 0 },
          { count: 2, share: 1 },
        ],
      },
    ]);
  });

  it('gives no share for a wave without answers', () => {
    const empty = {
      ...item,
      waves: [{ ...item.waves[0]!, distribution: [{ value: 'a', label: 'A', count: 0 }] }],
    };
    expect(distributionRows(empty)[0]?.cells).toEqual([{ count: 0, share: null }]);
  });
});

describe('paired change', () => {
  const changes = [
    { pseudonym: 'P-A', from: 2, to: 4, change: 2 },
    { pseudonym: 'P-B', from: 3, to: 1, change: -2 },
    { pseudonym: 'P-C', from: 3, to: 5, change: 2 },
    { pseudonym: 'P-D', from: 3, to: 3, change: 0 },
    { pseudonym: 'P-E', from: 'a', to: 'b', change: null },
  ];

  it('bins changes and ignores non-numeric ones', () => {
    expect(changeBins(changes)).toEqual([
      { change: -2, count: 1 },
      { change: 0, count: 1 },
      { change: 2, count: 2 },
    ]);
    expect(changeSummary(changes)).toEqual({ up: 2, down: 1, same: 1 });
  });
});

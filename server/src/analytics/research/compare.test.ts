import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attrition,
  compareWaves,
  distribution,
  pairedChange,
  stats,
  type CompareAnswer,
  type CompareItem,
  type CompareWave,
} from './compare.ts';

// Hand-worked: two waves ten years apart. P-A and P-B answer both, P-C only the first, P-D only
// the second.
const waves: CompareWave[] = [
  { id: 'w2', title: 'Golf 2025', startsOn: '2025-03-01' },
  { id: 'w1', title: 'Golf 2015', startsOn: '2015-03-01' },
];
const likert = { points: 5, anchorsNl: ['oneens', 'eens'] as [string, string] };
const role = {
  choices: [
    { value: 'vrijwilliger', labelNl: 'Vrijwilliger' },
    { value: 'beroeps', labelNl: 'Beroepskracht' },
  ],
};
const item = (
  waveId: string,
  code: string,
  kind: CompareItem['kind'],
  position: number,
  options = {},
) => ({
  waveId,
  code,
  kind,
  position,
  promptNl: `${code} (${waveId})`,
  promptEn: null,
  options,
});
const items: CompareItem[] = [
  item('w1', 'trust', 'likert', 0, likert),
  item('w1', 'role', 'single', 1, role),
  item('w1', 'old_only', 'text', 2),
  item('w2', 'names', 'network', 0, { maxNames: 5 }),
  item('w2', 'role', 'single', 1, role),
  item('w2', 'trust', 'likert', 2, likert),
];
const a = (waveId: string, code: string, pseudonym: string, value: CompareAnswer['value']) => ({
  waveId,
  code,
  pseudonym,
  value,
});
const answers: CompareAnswer[] = [
  a('w1', 'trust', 'P-A', 2),
  a('w1', 'trust', 'P-B', 4),
  a('w1', 'trust', 'P-C', 3),
  a('w1', 'role', 'P-A', 'vrijwilliger'),
  a('w1', 'role', 'P-C', 'vrijwilliger'),
  a('w1', 'old_only', 'P-B', 'tekst'),
  a('w2', 'trust', 'P-A', 4),
  a('w2', 'trust', 'P-B', 5),
  a('w2', 'trust', 'P-D', 1),
  a('w2', 'role', 'P-B', 'beroeps'),
  a('w2', 'names', 'P-A', ['x', 'y']),
  a('w2', 'names', 'P-D', []),
];

describe('stats', () => {
  it('mean, median and the sample standard deviation', () => {
    expect(stats([2, 4, 3])).toEqual({ n: 3, mean: 3, median: 3, sd: 1 });
    expect(stats([1, 2, 3, 10])).toMatchObject({ mean: 4, median: 2.5 });
    expect(stats([7])).toEqual({ n: 1, mean: 7, median: 7, sd: null });
    expect(stats([])).toEqual({ n: 0, mean: null, median: null, sd: null });
  });
});

describe('distribution', () => {
  it('likert points with anchors, choices in order, names counted', () => {
    expect(distribution('likert', likert, [2, 4, 3, 4])).toEqual([
      { value: 1, label: '1 (oneens)', count: 0 },
      { value: 2, label: '2', count: 1 },
      { value: 3, label: '3', count: 1 },
      { value: 4, label: '4', count: 2 },
      { value: 5, label: '5 (eens)', count: 0 },
    ]);
    expect(distribution('multiple', role, [['beroeps', 'oud'], ['beroeps']])).toEqual([
      { value: 'vrijwilliger', label: 'Vrijwilliger', count: 0 },
      { value: 'beroeps', label: 'Beroepskracht', count: 2 },
      { value: 'oud', label: 'oud', count: 1 },
    ]);
    expect(distribution('network', {}, [['a', 'b'], [], ['c', 'd']])).toEqual([
      { value: 0, label: '0', count: 1 },
      { value: 1, label: '1', count: 0 },
      { value: 2, label: '2', count: 2 },
    ]);
    expect(distribution('text', {}, ['x'])).toEqual([]);
  });
});

describe('compareWaves (hand-worked two-wave fixture)', () => {
  const c = compareWaves(waves, items, answers);

  it('orders waves by start date and counts respondents', () => {
    expect(c.waves).toEqual([
      { id: 'w1', title: 'Golf 2015', startsOn: '2015-03-01', respondents: 3 },
      { id: 'w2', title: 'Golf 2025', startsOn: '2025-03-01', respondents: 3 },
    ]);
  });

  it('matches items by code, in the latest wave’s order', () => {
    expect(c.items.map((i) => [i.code, i.kind, i.waves.map((w) => w.waveId)])).toEqual([
      ['names', 'network', ['w2']],
      ['role', 'single', ['w1', 'w2']],
      ['trust', 'likert', ['w1', 'w2']],
      ['old_only', 'text', ['w1']],
    ]);
    expect(c.items[2]?.promptNl).toBe('trust (w2)');
  });

  it('numbers for the likert item per wave', () => {
    const trust = c.items.find((i) => i.code === 'trust')!;
    expect(trust.waves[0]).toMatchObject({ n: 3, mean: 3, median: 3, sd: 1 });
    const w2 = trust.waves[1]!;
    expect([w2.n, w2.mean, w2.median]).toEqual([3, 10 / 3, 4]);
    expect(w2.sd).toBeCloseTo(Math.sqrt(13 / 3), 10);
    expect(w2.distribution.map((b) => b.count)).toEqual([1, 0, 0, 1, 1]);
  });

  it('paired change between the two latest waves', () => {
    expect(c.items.find((i) => i.code === 'trust')!.paired).toEqual({
      fromWaveId: 'w1',
      toWaveId: 'w2',
      n: 2,
      meanChange: 1.5,
      changes: [
        { pseudonym: 'P-A', from: 2, to: 4, change: 2 },
        { pseudonym: 'P-B', from: 4, to: 5, change: 1 },
        { pseudonym: 'P-C', from: 3, to: null, change: null },
        { pseudonym: 'P-D', from: null, to: 1, change: null },
      ],
    });
    expect(c.items.find((i) => i.code === 'role')!.paired).toBeNull();
  });

  it('single choice distributions and n only for text and network', () => {
    const roleItem = c.items.find((i) => i.code === 'role')!;
    expect(roleItem.waves.map((w) => [w.n, w.mean, w.distribution.map((b) => b.count)])).toEqual([
      [2, null, [2, 0]],
      [1, null, [0, 1]],
    ]);
    expect(c.items.find((i) => i.code === 'names')!.waves[0]).toMatchObject({
      n: 2,
      distribution: [
        { value: 0, count: 1 },
        { value: 1, count: 0 },
        { value: 2, count: 1 },
      ],
    });
    expect(c.items.find((i) => i.code === 'old_only')!.waves[0]).toMatchObject({
      n: 1,
      distribution: [],
    });
  });

  it('attrition: retained, lost and new against the previous wave', () => {
    expect(c.attrition).toEqual([
      { waveId: 'w1', respondents: 3, retained: 0, lost: 0, new: 3 },
      { waveId: 'w2', respondents: 3, retained: 2, lost: 1, new: 1 },
    ]);
  });

  it('an explicit pair the item is not in gives no paired change', () => {
    const x = compareWaves(waves, items, answers, { fromWaveId: 'w2', toWaveId: 'w1' });
    expect(x.items.find((i) => i.code === 'trust')!.paired).toMatchObject({
      n: 2,
      meanChange: -1.5,
    });
    const y = compareWaves(waves, items, answers, { fromWaveId: 'w1', toWaveId: 'nope' });
    expect(y.items.find((i) => i.code === 'trust')!.paired).toBeNull();
  });
});

describe('properties', () => {
  const value = fc.integer({ min: 1, max: 5 });
  const rows = fc.array(
    fc.record({
      waveId: fc.constantFrom('w1', 'w2'),
      code: fc.constant('trust'),
      pseudonym: fc.constantFrom('P-A', 'P-B', 'P-C', 'P-D', 'P-E'),
      value,
    }),
    { maxLength: 40 },
  );
  // One answer per participant, wave and item (the database's unique key).
  const unique = (xs: CompareAnswer[]) => [
    ...new Map(xs.map((x) => [`${x.waveId}/${x.pseudonym}`, x])).values(),
  ];

  it('the result does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(rows, fc.integer(), (xs, seed) => {
        const list = unique(xs);
        const shuffled = [...list].sort(
          (p, q) =>
            ((p.pseudonym.charCodeAt(2) * seed) % 7) - ((q.pseudonym.charCodeAt(2) * seed) % 7),
        );
        expect(compareWaves([...waves].reverse(), [...items].reverse(), shuffled)).toEqual(
          compareWaves(waves, items, list),
        );
      }),
    );
  });

  it('counts add up: distribution = n, retained + lost = previous respondents', () => {
    fc.assert(
      fc.property(rows, (xs) => {
        const c = compareWaves(waves, items, unique(xs));
        for (const w of c.items.find((i) => i.code === 'trust')!.waves)
          expect(w.distribution.reduce((s, b) => s + b.count, 0)).toBe(w.n);
        const [first, second] = c.attrition;
        expect(second!.retained + second!.lost).toBe(first!.respondents);
        expect(second!.retained + second!.new).toBe(second!.respondents);
      }),
    );
  });

  it('paired mean change = mean(to) − mean(from) over the pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 20 }), (pairs) => {
        const from = new Map(pairs.map(([x], i) => [`P-${i}`, x]));
        const to = new Map(pairs.map(([, y], i) => [`P-${i}`, y]));
        const p = pairedChange('a', 'b', from, to);
        const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
        expect(p.n).toBe(pairs.length);
        expect(p.meanChange).toBeCloseTo(
          mean(pairs.map(([, y]) => y)) - mean(pairs.map(([x]) => x)),
          10,
        );
      }),
    );
  });

  it('attrition of a wave nobody answered', () => {
    expect(attrition(waves, new Map([['w1', new Set(['P-A'])]]))).toEqual([
      { waveId: 'w1', respondents: 1, retained: 0, lost: 0, new: 1 },
      { waveId: 'w2', respondents: 0, retained: 0, lost: 1, new: 0 },
    ]);
  });
});

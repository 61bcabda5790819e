import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceIndex } from './balance-index.ts';
import { gini, normalisedHhi } from './concentration.ts';
import { balanceTrend } from './trend.ts';
import type { BalanceMember, PerceivedPower } from './types.ts';

const members: BalanceMember[] = [
  {
    id: 'P',
    kind: 'person',
    seats: 1,
    votes: 1,
    contributions: [{ period: '2024', valueCents: 10_000 }],
  },
  {
    id: 'S',
    kind: 'small',
    seats: 1,
    votes: 1,
    contributions: [{ period: '2024', valueCents: 10_000 }],
  },
  {
    id: 'L',
    kind: 'large',
    seats: 2,
    votes: 2,
    contributions: [{ period: '2024', valueCents: 80_000 }],
  },
];

describe('concentration', () => {
  it('HHI* and Gini on hand-worked values', () => {
    // shares 0.1, 0.1, 0.8: HHI = 0.01 + 0.01 + 0.64 = 0.66; HHI* = (0.66 − 1/3)/(1 − 1/3) = 0.49
    expect(normalisedHhi([10_000, 10_000, 80_000])).toBeCloseTo(0.49, 12);
    // sorted 1, 1, 8 (total 10): Σ(2i − n − 1)xᵢ = −2·1 + 0·1 + 2·8 = 14; G = 14/(3·10) = 0.4667
    expect(gini([1, 1, 8])).toBeCloseTo(14 / 30, 12);
    expect(normalisedHhi([5, 5, 5])).toBeCloseTo(0, 12);
    expect(gini([5, 5, 5])).toBe(0);
    expect(normalisedHhi([0, 9])).toBe(1);
    expect(normalisedHhi([0, 0])).toBeNull();
    expect(normalisedHhi([7])).toBe(1);
  });
});

describe('balanceIndex, hand-worked', () => {
  // Small members (P, S): share of members 2/3. Seats 2 of 4 → 0.5, ratio 0.5/(2/3) = 0.75;
  // votes the same → representation = min(1, 0.75, 0.75) = 0.75.
  // Votes 1, 1, 2: HHI = 1/16 + 1/16 + 4/16 = 0.375; HHI* = (0.375 − 1/3)/(2/3) = 0.0625 → 0.9375.
  // Contributions 100, 100, 800 euro: HHI* = 0.49 → 0.51.
  // Majority: L has 2 of 4 = exactly half, not more → 1. No survey → no perceived part.
  // index = (0.3·0.75 + 0.2·0.9375 + 0.15·0.51 + 0.2·1) / (0.3 + 0.2 + 0.15 + 0.2)
  //       = (0.225 + 0.1875 + 0.0765 + 0.2) / 0.85 = 0.689 / 0.85 = 0.81059
  it('a balanced alliance', () => {
    const r = balanceIndex(members);
    expect(r.parts.representation.seatRatio).toBeCloseTo(0.75, 12);
    expect(r.parts.voteConcentration.hhi).toBeCloseTo(0.0625, 12);
    expect(r.parts.contributionConcentration.hhi).toBeCloseTo(0.49, 12);
    expect(r.parts.contributionConcentration.totalCents).toBe(100_000);
    expect(r.parts.majority).toMatchObject({ score: 1, memberId: null });
    expect(r.parts.perceivedPower.score).toBeNull();
    expect(r.index).toBeCloseTo(0.689 / 0.85, 12);
    expect(r.unbalanced).toBe(false);
    expect(r.reasons).toEqual([]);
  });

  // L gets 3 votes (of 5): majority 0.6 > 0.5 → majority part 0.
  // Perceived: P 1, S 2 → meanSmall 1.5; L 4 → disparity (4 − 1.5)/3 = 0.8333 → 0.1667.
  it('an unbalanced alliance, with its reasons', () => {
    const skewed = members.map((m) => (m.id === 'L' ? { ...m, votes: 3 } : m));
    const perceived: PerceivedPower[] = [
      { memberId: 'P', value: 1 },
      { memberId: 'S', value: 2 },
      { memberId: 'L', value: 4 },
    ];
    const r = balanceIndex(skewed, perceived);
    expect(r.parts.majority).toMatchObject({ score: 0, memberId: 'L', share: 0.6 });
    expect(r.parts.perceivedPower.disparity).toBeCloseTo(2.5 / 3, 12);
    // votes: small share 2/5 = 0.4, ratio 0.4/(2/3) = 0.6; representation min(0.75, 0.6) = 0.6.
    // votes 1,1,3: HHI = (1 + 1 + 9)/25 = 0.44; HHI* = (0.44 − 1/3)/(2/3) = 0.16 → 0.84.
    // index = (0.3·0.6 + 0.2·0.84 + 0.15·0.51 + 0.2·0 + 0.15·(1/6)) / 1 = 0.18 + 0.168 + 0.0765 + 0.025
    const expected = 0.18 + 0.168 + 0.0765 + 0 + 0.15 * (1 - 2.5 / 3);
    expect(r.index).toBeCloseTo(expected, 12);
    expect(r.unbalanced).toBe(true);
    expect(r.reasons.map((x) => x.code)).toEqual([
      'index-below-threshold',
      'single-majority',
      'perceived-power-disparity',
    ]);
  });

  it('rejects bad input', () => {
    const bad = (m: Partial<BalanceMember>) => () => balanceIndex([{ ...members[0]!, ...m }]);
    expect(bad({ contributions: [{ period: '2024', valueCents: -1 }] })).toThrow(RangeError);
    expect(bad({ contributions: [{ period: '2024', valueCents: 1.5 }] })).toThrow(RangeError);
    expect(bad({ seats: -1 })).toThrow(RangeError);
    expect(() => balanceIndex([members[0]!, members[0]!])).toThrow(RangeError);
    expect(() => balanceIndex(members, [{ memberId: 'X', value: 2 }])).toThrow(RangeError);
    expect(() => balanceIndex(members, [{ memberId: 'P', value: 5 }])).toThrow(RangeError);
  });

  it('no members, no seats, no votes: no index rather than a guess', () => {
    expect(balanceIndex([]).index).toBeNull();
    const r = balanceIndex(members.map((m) => ({ ...m, seats: 0, votes: 0 })));
    expect(r.parts.representation.score).toBeNull();
    expect(r.parts.majority.score).toBeNull();
    expect(r.index).toBeCloseTo(0.51, 12);
  });
});

describe('balanceTrend', () => {
  it('one point per period; contributions of that period; survey carried forward', () => {
    const ms = members.map((m) => ({
      ...m,
      contributions: [...m.contributions, { period: '2025', valueCents: 5_000 }],
    }));
    const trend = balanceTrend(ms, {
      perceivedByPeriod: {
        '2024': [
          { memberId: 'L', value: 4 },
          { memberId: 'P', value: 4 },
        ],
      },
    });
    expect(trend.map((p) => p.period)).toEqual(['2024', '2025']);
    expect(trend[0]?.parts.contributionConcentration.hhi).toBeCloseTo(0.49, 12);
    expect(trend[1]?.parts.contributionConcentration.hhi).toBeCloseTo(0, 12);
    expect(trend[1]?.parts.perceivedPower.disparity).toBe(0);
    expect(trend[1]?.index).toBeGreaterThan(trend[0]!.index!);
  });
});

const member = (k: number) =>
  fc.record({
    id: fc.constant(`m${k}`),
    kind: fc.constantFrom<BalanceMember['kind']>('person', 'small', 'large'),
    seats: fc.integer({ min: 0, max: 5 }),
    votes: fc.integer({ min: 0, max: 9 }),
    contributions: fc.array(
      fc.record({
        period: fc.constantFrom('2024', '2025'),
        valueCents: fc.integer({ min: 0, max: 10_000_000_00 }),
      }),
      { maxLength: 3 },
    ),
  });
const alliance = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_x, k) => member(k))))
  .chain((ms) =>
    fc.tuple(
      fc.constant(ms as BalanceMember[]),
      fc
        .array(
          fc.record({
            memberId: fc.constantFrom(...ms.map((m) => m.id), 'none'),
            value: fc.integer({ min: 1, max: 4 }),
          }),
          {
            maxLength: 6,
          },
        )
        .map((ps) => ps.filter((p) => p.memberId !== 'none')),
    ),
  );

describe('balanceIndex, properties', () => {
  it('does not depend on member order (nor survey answer order)', () => {
    fc.assert(
      fc.property(alliance, fc.integer(), ([ms, ps], seed) => {
        const shuffle = <T>(xs: T[]) => {
          const out = [...xs];
          let s = seed >>> 0;
          for (let i = out.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        expect(balanceIndex(shuffle(ms), shuffle(ps))).toEqual(balanceIndex(ms, ps));
        expect(balanceTrend(shuffle(ms))).toEqual(balanceTrend(ms));
      }),
    );
  });

  it('the index and every part score are in [0, 1]', () => {
    fc.assert(
      fc.property(alliance, ([ms, ps]) => {
        const r = balanceIndex(ms, ps);
        const scores = [r.index, ...Object.values(r.parts).map((p) => p.score)];
        for (const s of scores) if (s !== null) expect(s >= 0 && s <= 1).toBe(true);
      }),
    );
  });

  it('a member with a majority always flags the alliance', () => {
    fc.assert(
      fc.property(alliance, ([ms]) => {
        const r = balanceIndex(ms);
        if (r.parts.majority.memberId !== null) expect(r.unbalanced).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from './dates.ts';
import { durability, type DurabilityCommitment, type DurabilityInitiative } from './durability.ts';

const c = (
  id: string,
  start: string,
  end: string | null,
  renewedFrom?: string,
  recipientId = 'c1',
): DurabilityCommitment => ({
  id,
  providerId: 'p1',
  recipientId,
  type: 'coaching',
  start,
  end,
  renewedFrom,
});

describe('durability, worked example', () => {
  const commitments = [
    c('A', '2024-01-01', '2024-12-31'),
    c('B', '2025-01-01', '2025-12-31', 'A'),
    c('C', '2025-06-01', '2025-08-31'),
    c('D', '2026-03-01', null),
    c('E', '2026-01-01', '2026-01-31', 'A', 'c3'),
  ];
  const initiatives: DurabilityInitiative[] = [
    { id: 'I1', start: '2024-01-01', end: '2025-10-01', carrierIds: ['c1'] },
    { id: 'I2', start: '2024-01-01', end: '2025-11-15', carrierIds: ['c1', 'c2'] },
    { id: 'I3', start: '2024-01-01', end: '2026-01-01', carrierIds: ['c1'] },
    { id: 'I4', start: '2024-01-01', end: null, carrierIds: ['c1'] },
  ];
  const result = durability(commitments, initiatives, '2026-03-10');

  it('merges adjacent and parallel periods, counts open ends up to the clock date', () => {
    // A 366 days (leap year) + B 365 days adjacent = 731; C lies inside B; D 1–10 March = 10.
    expect(result[0]).toEqual({
      recipientId: 'c1',
      commitments: 4,
      totalSupportedDays: 741,
      renewals: 1,
      longestContinuousDays: 731,
      // I1 ended 2025-10-01, checked 2025-12-30: B runs, kept. I2 checked 2026-02-13: gap, lost.
      // I3 is checked on 2026-04-01, after the clock date; I4 has not ended.
      continuity: { ended: 2, kept: 1, share: 0.5 },
    });
  });

  it('includes carriers without commitments and ignores renewals of another recipient', () => {
    expect(result[1]).toMatchObject({
      recipientId: 'c2',
      totalSupportedDays: 0,
      continuity: { share: 0 },
    });
    expect(result[2]).toMatchObject({ recipientId: 'c3', renewals: 0, totalSupportedDays: 31 });
  });

  it('counts a renewal once when the commitments are listed twice', () => {
    const twice = durability([...commitments, ...commitments], initiatives, '2026-03-10');
    expect(twice).toEqual(result);
  });
});

const base = 20_089; // 2025-01-01
const commitmentArb = fc.record({
  recipient: fc.constantFrom('c1', 'c2', 'c3'),
  start: fc.nat(900),
  length: fc.option(fc.nat(400), { nil: null }),
  renewedFrom: fc.option(fc.nat(15), { nil: undefined }),
});
const worldArb = fc
  .record({
    commitments: fc.array(commitmentArb, { maxLength: 16 }),
    initiatives: fc.array(
      fc.record({
        start: fc.nat(600),
        length: fc.option(fc.nat(300), { nil: null }),
        carriers: fc.subarray(['c1', 'c2', 'c3', 'c4']),
      }),
      { maxLength: 6 },
    ),
    asOf: fc.nat(1200),
  })
  .map(({ commitments, initiatives, asOf }) => ({
    commitments: commitments.map((x, i) =>
      c(
        `k${i}`,
        isoDay(base + x.start),
        x.length === null ? null : isoDay(base + x.start + x.length),
        x.renewedFrom === undefined ? undefined : `k${x.renewedFrom}`,
        x.recipient,
      ),
    ),
    initiatives: initiatives.map((x, i) => ({
      id: `i${i}`,
      start: isoDay(base + x.start),
      end: x.length === null ? null : isoDay(base + x.start + x.length),
      carrierIds: x.carriers,
    })),
    asOf: isoDay(base + asOf),
  }));

describe('durability properties', () => {
  it('keeps every measure in range and ignores duplicates and input order', () => {
    fc.assert(
      fc.property(worldArb, ({ commitments, initiatives, asOf }) => {
        const result = durability(commitments, initiatives, asOf);
        expect(
          durability([...commitments].reverse().concat(commitments), initiatives, asOf),
        ).toEqual(result);
        for (const r of result) {
          expect(r.longestContinuousDays).toBeLessThanOrEqual(r.totalSupportedDays);
          expect(r.renewals).toBeLessThanOrEqual(r.commitments);
          const share = r.continuity.share;
          if (share !== null) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          } else expect(r.continuity.ended).toBe(0);
        }
      }),
    );
  });
});

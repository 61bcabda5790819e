import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from './allocate.ts';
import {
  fundingByArea,
  fundingByYear,
  fundingSummary,
  median,
  type FundingFlow,
} from './funding-stats.ts';

const flow = (over: Partial<FundingFlow>): FundingFlow => ({
  funderId: 'gm',
  recipientId: 'r1',
  recipientKind: 'small',
  amountCents: 0,
  start: '2026-01-01',
  end: '2026-12-31',
  instrument: 'projectsubsidie',
  reportingHours: 0,
  reports: 0,
  areaIds: [],
  ...over,
});

const flows: FundingFlow[] = [
  flow({ amountCents: 5_000_000, reportingHours: 40, reports: 4, areaIds: ['WK1'] }),
  flow({
    recipientId: 'c1',
    recipientKind: 'person',
    instrument: 'kernfinanciering',
    amountCents: 2_500_000,
    start: '2025-07-01',
    end: '2027-06-30',
    reportingHours: 5,
    reports: 1,
    areaIds: ['WK1', 'WK2'],
  }),
  flow({
    instrument: 'in_natura',
    amountCents: 1_000_001,
    end: '2026-03-31',
    reportingHours: 0,
    reports: 1,
  }),
  flow({
    recipientId: 'r2',
    amountCents: 1_499_999,
    start: '2026-06-01',
    end: '2026-06-30',
    reportingHours: 15,
  }),
];

describe('fundingSummary, worked example', () => {
  const s = fundingSummary(flows);
  it('sums cents exactly and splits them by instrument and recipient kind', () => {
    expect(s.totalCents).toBe(10_000_000n); // € 100,000.00
    expect(s.centsByInstrument.projectsubsidie).toBe(6_499_999n);
    expect(s.centsByRecipientKind.person).toBe(2_500_000n);
    expect([s.shareToCarriers, s.shareCore, s.shareProject]).toEqual([0.25, 0.25, 0.6499999]);
  });
  it('takes the median of durations 365, 730, 90 and 30 days: (90 + 365) / 2', () => {
    expect(s.medianDurationDays).toBe(227.5);
  });
  it('counts distinct instruments per recipient: r1 two, c1 one, r2 one', () => {
    expect(s.fragmentation).toEqual({
      recipients: 3,
      meanInstruments: 4 / 3,
      distribution: { 1: 2, 2: 1 },
    });
  });
  it('expresses burden per € 1,000 and per € 10,000', () => {
    // 60 hours over € 100,000 = 0.6 h per € 1,000; 6 reports = 0.6 per € 10,000.
    expect(s.hoursPer1000Euro).toBe(0.6);
    expect(s.reportsPer10000Euro).toBe(0.6);
  });
  it('has nulls, not NaN, for no flows', () => {
    const empty = fundingSummary([]);
    expect([empty.shareCore, empty.medianDurationDays, empty.hoursPer1000Euro]).toEqual([
      null,
      null,
      null,
    ]);
  });
  it('rejects euro amounts as floats and periods ending before they start', () => {
    expect(() => fundingSummary([flow({ amountCents: 10.5 })])).toThrow(RangeError);
    expect(() => fundingSummary([flow({ amountCents: -1 })])).toThrow(RangeError);
    expect(() => fundingSummary([flow({ end: '2025-12-31' })])).toThrow(RangeError);
  });
  it('stays exact beyond 2^53 cents', () => {
    const big = fundingSummary([
      flow({ amountCents: Number.MAX_SAFE_INTEGER }),
      flow({ amountCents: Number.MAX_SAFE_INTEGER }),
    ]);
    expect(big.totalCents).toBe(2n * BigInt(Number.MAX_SAFE_INTEGER));
  });
});

describe('grouping', () => {
  it('splits a flow equally over its areas', () => {
    const byArea = fundingByArea(flows);
    expect(byArea.map((g) => [g.key, g.allocatedCents, g.summary.flows])).toEqual([
      ['WK1', 6_250_000n, 2],
      ['WK2', 1_250_000n, 1],
    ]);
  });
  it('splits a flow over years by its days in each year', () => {
    const byYear = fundingByYear(flows);
    // c1: 184 days in 2025, 365 in 2026, 181 in 2027 of 730 → 630,137 + 1,250,000 + 619,863 cents.
    expect(byYear.map((g) => [g.key, g.allocatedCents])).toEqual([
      ['2025', 630_137n],
      ['2026', 8_750_000n],
      ['2027', 619_863n],
    ]);
    expect(byYear.reduce((s, g) => s + g.allocatedCents, 0n)).toBe(10_000_000n);
  });
  it('median of an odd count is the middle value', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('allocateCents', () => {
  it('never loses or invents a cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = allocateCents(total, weights);
          const sum = parts.reduce((s, p) => s + p, 0n);
          expect(sum).toBe(weights.some((w) => w > 0) ? total : 0n);
          weights.forEach((w, i) => w === 0 && expect(parts[i]).toBe(0n));
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildFundingDashboard, type DashboardFlow } from './dashboard.ts';

const flow = (over: Partial<DashboardFlow>): DashboardFlow => ({
  recipientId: 'r',
  recipientKind: 'person',
  instrument: 'project_grant',
  amountCents: 100_000,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  reportingHours: 10,
  reports: 1,
  ...over,
});
const persons = (n: number, over: Partial<DashboardFlow> = {}) =>
  Array.from({ length: n }, (_, i) => flow({ recipientId: `p${i}`, ...over }));

describe('funding dashboard (pure)', () => {
  it('suppresses everything when the selection has fewer than 5 recipients', () => {
    const d = buildFundingDashboard(persons(4), 'area-1');
    expect(d).toMatchObject({
      threshold: 5,
      areaId: 'area-1',
      suppressed: true,
      recipients: null,
      flows: null,
      totalCents: null,
      shareToCarriers: null,
      medianDurationDays: null,
      hoursPer1000Euro: null,
      fragmentation: { meanInstruments: null },
    });
    expect(d.byInstrument.every((c) => c.suppressed && c.cents === null)).toBe(true);
    expect(d.byRecipientKind.every((c) => c.suppressed && c.recipients === null)).toBe(true);
    expect(buildFundingDashboard([]).suppressed).toBe(true);
  });

  it('suppresses a second cell when the total would give a small one away', () => {
    // 6 carriers and 1 small organisation: the organisation's cell is below 5, and total − the
    // carriers' cell would be its money, so the carriers' cell goes as well.
    const d = buildFundingDashboard([
      ...persons(6),
      flow({ recipientId: 'o1', recipientKind: 'small', amountCents: 900_000 }),
    ]);
    expect(d).toMatchObject({ suppressed: false, recipients: 7, totalCents: '1500000' });
    const kind = (k: string) => d.byRecipientKind.find((c) => c.kind === k)!;
    expect(kind('small')).toMatchObject({ suppressed: true, reason: 'primary', cents: null });
    expect(kind('person')).toMatchObject({ suppressed: true, reason: 'secondary', cents: null });
    expect(d.shareToCarriers).toBeNull();
    // Empty cells hide nobody: published as zeros.
    expect(kind('large')).toMatchObject({
      recipients: 0,
      flows: 0,
      cents: '0',
      share: 0,
      suppressed: false,
      reason: null,
    });
    // One instrument for all 7: its share is the whole, and published.
    expect(d.shareProject).toBe(1);
    expect(d.shareCore).toBe(0);
  });

  it('publishes cells of at least 5 recipients with their money, shares and burden', () => {
    const d = buildFundingDashboard([
      ...persons(5, { instrument: 'core_funding', amountCents: 300_000, reportingHours: 3 }),
      ...persons(5, { recipientKind: 'person', amountCents: 100_000, endDate: '2026-03-31' }).map(
        (f, i) => ({ ...f, recipientId: `p${i}` }),
      ),
      ...persons(5, { instrument: 'budget_voucher', amountCents: 50_000, reports: 0 }).map(
        (f, i) => ({ ...f, recipientId: `q${i}`, recipientKind: 'small' as const }),
      ),
    ]);
    // 15 flows, 10 recipients; 1,500,000 + 500,000 + 250,000 = 2,250,000 cents.
    expect(d).toMatchObject({ recipients: 10, flows: 15, totalCents: '2250000' });
    const core = d.byInstrument.find((c) => c.instrument === 'core_funding')!;
    expect(core).toMatchObject({ recipients: 5, flows: 5, cents: '1500000', suppressed: false });
    expect(core.share).toBe(0.666666666);
    // 15 hours over € 15.000: 1 hour per € 1.000.
    expect(core.hoursPer1000Euro).toBe(1);
    expect(d.shareCore).toBe(0.666666666);
    expect(d.shareToCarriers).toBe(0.888888888);
    // Durations: ten of 365 days, five of 90: the median is 365.
    expect(d.medianDurationDays).toBe(365);
    // Five carriers through two instruments, five organisations through one.
    expect(d.fragmentation).toEqual({
      meanInstruments: 1.5,
      distribution: [
        { instruments: 1, recipients: 5, suppressed: false, reason: null },
        { instruments: 2, recipients: 5, suppressed: false, reason: null },
      ],
    });
  });

  it('withholds the mean number of instruments when a cell of the distribution is suppressed', () => {
    const d = buildFundingDashboard([
      ...persons(6),
      flow({ recipientId: 'p0', instrument: 'in_kind' }),
    ]);
    expect(d.fragmentation.meanInstruments).toBeNull();
    expect(d.fragmentation.distribution.map((c) => [c.instruments, c.reason])).toEqual([
      [1, 'secondary'],
      [2, 'primary'],
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, latestDue, nextDue, periodStart, publishedThrough } from './schedule.ts';

describe('reminder schedule', () => {
  it('adds calendar months, ending short months on their last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('finds the latest due date on or before today, counted from the anchor', () => {
    expect(latestDue('2026-03-02', 'weekly', '2026-03-08')).toBeNull();
    expect(latestDue('2026-03-02', 'weekly', '2026-03-09')).toBe('2026-03-09');
    expect(latestDue('2026-03-02', 'weekly', '2026-03-22')).toBe('2026-03-16');
    expect(latestDue('2026-03-02', 'biweekly', '2026-03-15')).toBeNull();
    expect(latestDue('2026-03-02', 'biweekly', '2026-03-16')).toBe('2026-03-16');
    expect(latestDue('2026-01-31', 'monthly', '2026-02-27')).toBeNull();
    expect(latestDue('2026-01-31', 'monthly', '2026-02-28')).toBe('2026-02-28');
    expect(latestDue('2026-01-31', 'monthly', '2026-04-29')).toBe('2026-03-31');
    expect(latestDue('2026-01-15', 'quarterly', '2026-07-14')).toBe('2026-04-15');
    expect(latestDue('2026-01-15', 'none', '2027-01-01')).toBeNull();
    expect(nextDue('2026-01-31', 'monthly', '2026-03-31')).toBe('2026-04-30');
    expect(nextDue('2026-03-02', 'weekly', '2026-03-02')).toBe('2026-03-09');
    expect(nextDue('2026-03-02', 'none', '2026-03-02')).toBeNull();
  });

  it('never returns a due date after today or before the anchor’s first interval', () => {
    const day = fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const interval = fc.constantFrom('weekly', 'biweekly', 'monthly', 'quarterly' as const);
    fc.assert(
      fc.property(day, day, interval, (a, b, i) => {
        const [anchor, today] = a <= b ? [a, b] : [b, a];
        const due = latestDue(anchor, i, today);
        const next = nextDue(anchor, i, today)!;
        expect(next > today).toBe(true);
        if (due === null) return;
        expect(due <= today && due > anchor).toBe(true);
        expect(next > due).toBe(true);
      }),
    );
  });
});

describe('published periods', () => {
  it('publishes a period once no check-in can be dated in it any more', () => {
    expect(periodStart('2026-05-17', 'quarter')).toBe('2026-04-01');
    // On 2026-06-01 a check-in may be dated 2026-05-02 (30 days back): April is final.
    expect(publishedThrough('2026-06-01', 'month', 30)).toBe('2026-04-30');
    // On 2026-05-31 it may be dated 2026-05-01: still April.
    expect(publishedThrough('2026-05-31', 'month', 30)).toBe('2026-04-30');
    expect(publishedThrough('2026-05-30', 'month', 30)).toBe('2026-03-31');
    expect(publishedThrough('2026-06-01', 'quarter', 30)).toBe('2026-03-31');
    expect(publishedThrough('2026-02-01', 'year', 30)).toBe('2025-12-31');
    expect(publishedThrough('2026-01-31', 'year', 30)).toBe('2025-12-31');
    expect(publishedThrough('2026-01-30', 'year', 30)).toBe('2024-12-31');
  });
});

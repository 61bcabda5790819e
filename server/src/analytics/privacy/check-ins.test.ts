import { describe, expect, it } from 'vitest';
import { checkInAggregates, periodKey, type CheckIn } from './check-ins.ts';

const checkIn = (
  carrierId: string,
  date: string,
  workload: number,
  energy = 3,
  supportFelt = 4,
): CheckIn => ({
  carrierId,
  date,
  workload,
  energy,
  supportFelt,
});

describe('checkInAggregates', () => {
  it('keys periods by month, quarter and year', () => {
    expect(['month', 'quarter', 'year'].map((k) => periodKey('2026-05-17', k as 'month'))).toEqual([
      '2026-05',
      '2026-Q2',
      '2026',
    ]);
  });

  it('counts each carrier once (the latest check-in) and suppresses periods under 5 carriers', () => {
    const rows = [
      checkIn('a', '2026-01-03', 1),
      checkIn('a', '2026-01-20', 4), // a's latest in January counts
      checkIn('b', '2026-01-05', 4),
      checkIn('c', '2026-01-06', 4),
      checkIn('d', '2026-01-07', 4),
      checkIn('e', '2026-01-08', 4),
      checkIn('f', '2026-01-09', 2),
      checkIn('a', '2026-02-01', 5),
      checkIn('b', '2026-02-01', 5),
    ];
    const [jan, feb] = checkInAggregates(rows, 'month');
    expect(jan).toMatchObject({ period: '2026-01', suppressed: false, carriers: 6 });
    // workload: five carriers scored 4, one scored 2 → mean 22/6; the "2" cell has one carrier, so
    // the distribution is withheld. energy: all six scored 3 → shown.
    expect(jan!.measures.workload).toEqual({
      mean: 22 / 6,
      distribution: null,
      distributionSuppressed: true,
    });
    expect(jan!.measures.energy).toEqual({
      mean: 3,
      distribution: [0, 0, 6, 0, 0],
      distributionSuppressed: false,
    });
    expect(feb).toMatchObject({ period: '2026-02', suppressed: true, carriers: null });
    expect(feb!.measures.workload.mean).toBeNull();
  });

  it('rejects scores outside 1–5', () => {
    expect(() => checkInAggregates([checkIn('a', '2026-01-01', 6)], 'month')).toThrow(RangeError);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Aggregates } from './schema.ts';
import { fileCheckIn } from './service.ts';
import { checkInFixture, type CheckInFixture } from './test-fixture.ts';

const DAY = 86400;

describeEachDialect('check-ins: aggregates for coordinators', (dialect) => {
  const t = useTestApp(dialect);
  let f: CheckInFixture;
  const get = async (period: string, who = () => f.coordinator) => {
    const res = await who().inject({
      method: 'GET',
      url: `${f.W}/check-in-aggregates?period=${period}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Aggregates>();
  };

  beforeAll(async () => {
    f = await checkInFixture(t);
    const c: Awaited<ReturnType<CheckInFixture['carrierActor']>>[] = [];
    for (let i = 0; i < 6; i++) c.push(await f.carrierActor());
    const file = (k: number, date: string, workload: number, energy: number, supportFelt: number) =>
      fileCheckIn(t().ctx, c[k]!.actor, f.ws.id, { date, workload, energy, supportFelt });
    // Today is 2026-03-02. March: five carriers; carrier 0 twice (the later one counts).
    await file(0, '2026-03-01', 1, 1, 1);
    await file(0, '2026-03-02', 4, 3, 5);
    await file(1, '2026-03-01', 4, 3, 5);
    await file(2, '2026-03-02', 4, 3, 4);
    await file(3, '2026-03-01', 4, 3, 4);
    await file(4, '2026-03-02', 4, 2, 5);
    // April: four carriers, so suppressed.
    t().clock.advance(40 * DAY); // 2026-04-11
    await file(0, '2026-04-05', 2, 2, 2);
    await file(1, '2026-04-06', 3, 3, 3);
    await file(2, '2026-04-07', 4, 4, 4);
    await file(5, '2026-04-10', 5, 5, 5);
    // May: one carrier, filed late in May; May is not final yet on 1 June.
    t().clock.advance(39 * DAY); // 2026-05-20
    await file(5, '2026-05-20', 1, 1, 1);
  });

  it('publishes only final periods, suppresses those under 5 carriers, counts each carrier once', async () => {
    t().clock.advance(12 * DAY); // 2026-06-01: a check-in may still be dated 2026-05-02
    await f.relogin();
    const month = await get('month');
    expect(month.threshold).toBe(5);
    expect(month.publishedThrough).toBe('2026-04-30');
    expect(month.periods.map((p) => p.period)).toEqual(['2026-03', '2026-04']);
    const [march, april] = month.periods;
    // Hand-computed from the check-ins above (carrier 0 counts with 4, 3, 5):
    // workload 4,4,4,4,4 → mean 4, every chosen score has 5 carriers → shown;
    // energy 3,3,3,3,2 → mean 14/5, the "2" has one carrier → only the mean;
    // support 5,5,4,4,5 → mean 23/5, cells of 2 and 3 carriers → only the mean.
    expect(march).toEqual({
      period: '2026-03',
      suppressed: false,
      carriers: 5,
      measures: {
        workload: { mean: 4, distribution: [0, 0, 0, 5, 0], distributionSuppressed: false },
        energy: { mean: 14 / 5, distribution: null, distributionSuppressed: true },
        supportFelt: { mean: 23 / 5, distribution: null, distributionSuppressed: true },
      },
    });
    const hidden = { mean: null, distribution: null, distributionSuppressed: true };
    expect(april).toEqual({
      period: '2026-04',
      suppressed: true,
      carriers: null,
      measures: { workload: hidden, energy: hidden, supportFelt: hidden },
    });
  });

  it('groups by quarter and year, each up to its last final period', async () => {
    const quarter = await get('quarter');
    expect(quarter.publishedThrough).toBe('2026-03-31');
    expect(quarter.periods).toHaveLength(1);
    expect(quarter.periods[0]).toMatchObject({ period: '2026-Q1', carriers: 5 });
    expect(quarter.periods[0]!.measures.energy.mean).toBe(14 / 5);
    const year = await get('year');
    expect(year).toMatchObject({ publishedThrough: '2025-12-31', periods: [] });

    // Q2 becomes final on 2026-08-01: carriers 0, 1, 2 and 5 (5 twice, counted once) → four.
    t().clock.advance(61 * DAY); // 2026-08-01
    await f.relogin();
    const q2 = (await get('quarter')).periods.find((p) => p.period === '2026-Q2')!;
    expect(q2).toMatchObject({ suppressed: true, carriers: null });
  });

  it('is for coordinators and admins only', async () => {
    expect((await get('month', () => f.admin)).periods.length).toBeGreaterThan(0);
    for (const who of [f.member, f.officer, f.researcher]) {
      const res = await who.inject({ method: 'GET', url: `${f.W}/check-in-aggregates` });
      expect(res.statusCode).toBe(403);
    }
    const bad = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/check-in-aggregates?period=week`,
    });
    expect(bad.statusCode).toBe(400);
  });
});

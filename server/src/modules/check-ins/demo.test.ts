import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { createRandom } from '../../demo/random.ts';
import { seedCheckIns } from '../../demo/check-ins.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createUserWithRole } from '../workspaces/service.ts';
import { PASSWORD } from '../../../test/session.ts';
import type { Aggregates } from './schema.ts';
import { checkInFixture, checkInSnapshot, type CheckInFixture } from './test-fixture.ts';

describeEachDialect('demo check-ins', (dialect) => {
  const t = useTestApp(dialect);
  let f: CheckInFixture;
  beforeAll(async () => {
    f = await checkInFixture(t);
    // Six carriers with an account, as in Wijkhaven (the fixture has two).
    for (let i = 0; i < 4; i++) {
      const u = await createUserWithRole(t().ctx, {
        email: `bewoner${i}.${f.slug}@example.org`,
        displayName: `Bewoner ${i}`,
        password: PASSWORD,
        workspaceId: f.ws.id,
        role: 'member',
      });
      await insertTestActor(t().ctx.db, f.ws.id, { name: `Bewoner ${i}`, userId: u.id });
    }
  });

  it('writes a year of valid check-ins: some months shown, others suppressed', async () => {
    const { checkIns } = await seedCheckIns(t().ctx, f.ws.id, createRandom(7));
    const rows = await t().ctx.db.selectFrom('check_ins').selectAll().execute();
    expect(rows).toHaveLength(checkIns);
    for (const r of rows) {
      for (const s of [r.workload, r.energy, r.support_felt]) {
        expect(Number.isInteger(Number(s))).toBe(true);
        expect(Number(s)).toBeGreaterThanOrEqual(1);
        expect(Number(s)).toBeLessThanOrEqual(5);
      }
      // Today is 2026-03-02: March 2025 to February 2026.
      expect(r.check_in_date >= '2025-03-01' && r.check_in_date <= '2026-02-28').toBe(true);
    }
    // Every month of the year has check-ins; 2025-03 … 2025-12 are final on 2026-03-02.
    expect(new Set(rows.map((r) => r.check_in_date.slice(0, 7))).size).toBe(12);
    const res = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/check-in-aggregates?period=month`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const periods = res.json<Aggregates>().periods;
    expect(periods.some((p) => p.suppressed)).toBe(true);
    expect(periods.some((p) => !p.suppressed)).toBe(true);
  });

  it('is deterministic for the seed and the day', async () => {
    const first = await checkInSnapshot(t);
    await t().ctx.db.deleteFrom('check_ins').execute();
    await seedCheckIns(t().ctx, f.ws.id, createRandom(7));
    expect(await checkInSnapshot(t)).toEqual(first);
  });
});

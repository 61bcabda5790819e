import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { dayRange, overlapDays, peakLoad } from '../../analytics/support/index.ts';
import { seedSupport } from '../../demo/support.ts';
import { createRandom } from '../../demo/random.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

describeEachDialect('demo support data', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  beforeAll(async () => {
    f = await supportFixture(t);
  });

  it('writes offers, needs, proposals and commitments that obey the API’s rules', async () => {
    const counts = await seedSupport(t().ctx, f.ws.id, createRandom(7));
    expect(counts.offers).toBe(8);
    expect(counts.needs).toBe(14);
    expect(counts.commitments).toBeGreaterThan(0);
    expect(counts.matches).toBeGreaterThanOrEqual(counts.commitments);
    const db = t().ctx.db;
    const offers = await db.selectFrom('support_offers').selectAll().execute();
    const commitments = await db.selectFrom('support_commitments').selectAll().execute();
    for (const o of offers) {
      const own = commitments.filter((c) => c.offer_id === o.id);
      const loads = own.map((c) => ({
        range: dayRange(c.start_date, c.end_date),
        amount: c.amount_per_month,
      }));
      expect(peakLoad(loads, dayRange(o.start_date, o.end_date))).toBeLessThanOrEqual(
        o.capacity_per_month,
      );
      for (const a of own)
        for (const b of own)
          if (a.id < b.id && a.recipient_id === b.recipient_id)
            expect(
              overlapDays(dayRange(a.start_date, a.end_date), dayRange(b.start_date, b.end_date)),
            ).toBe(0);
    }
    // The API reads them: suggestions for every need, commitments for the coordinator.
    const needs = await db.selectFrom('support_needs').select('id').execute();
    for (const n of needs) {
      const res = await f.coordinator.inject({
        method: 'GET',
        url: `${f.W}/support-needs/${n.id}/matches`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = await f.coordinator.inject({ method: 'GET', url: `${f.W}/support-commitments` });
    expect(list.json<{ total: number }>().total).toBe(counts.commitments);
  });

  it('is deterministic for the seed', async () => {
    const first = await supportSnapshot(t);
    const db = t().ctx.db;
    await db.deleteFrom('support_commitments').execute();
    await db.deleteFrom('support_matches').execute();
    await db.deleteFrom('support_offers').execute();
    await db.deleteFrom('support_needs').execute();
    await seedSupport(t().ctx, f.ws.id, createRandom(7));
    expect(await supportSnapshot(t)).toEqual(first);
  });
});

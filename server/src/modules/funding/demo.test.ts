import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedFunding } from '../../demo/funding.ts';
import { createRandom } from '../../demo/random.ts';
import { flowErrors } from './checks.ts';
import type { FundingDashboard } from './schema.ts';
import { fundingFixture, fundingSnapshot, type FundingFixture } from './test-fixture.ts';

describeEachDialect('demo funding flows', (dialect) => {
  const t = useTestApp(dialect);
  let f: FundingFixture;
  beforeAll(async () => {
    f = await fundingFixture(t);
  });

  it('writes flows that obey the API’s rules and that the dashboard reads', async () => {
    const { flows } = await seedFunding(t().ctx, f.ws.id, createRandom(7));
    expect(flows).toBeGreaterThan(30);
    const db = t().ctx.db;
    const rows = await db.selectFrom('funding_flows').selectAll().execute();
    expect(rows).toHaveLength(flows);
    for (const r of rows) {
      const errors = await flowErrors(db, f.ws.id, {
        funderId: r.funder_id,
        recipientType: r.recipient_type,
        recipientId: r.recipient_actor_id ?? r.recipient_initiative_id ?? '',
        initiativeId: r.recipient_type === 'initiative' ? null : r.initiative_id,
        amountCents: Number(r.amount_cents),
        startDate: r.start_date,
        endDate: r.end_date,
        reportingHours: Number(r.reporting_hours),
        reports: Number(r.report_count),
      });
      expect(errors, r.id).toEqual([]);
    }
    expect(new Set(rows.map((r) => r.instrument)).size).toBeGreaterThanOrEqual(5);
    const res = await f.coordinator.inject({ method: 'GET', url: `${f.W}/funding-dashboard` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FundingDashboard>().flows).toBe(flows);
  });

  it('is deterministic for the seed', async () => {
    const first = await fundingSnapshot(t);
    await t().ctx.db.deleteFrom('funding_flows').execute();
    await seedFunding(t().ctx, f.ws.id, createRandom(7));
    expect(await fundingSnapshot(t)).toEqual(first);
  });
});

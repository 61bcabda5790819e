import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { dayRange, peakLoad } from '../analytics/support/index.ts';
import { insertAlliance, insertInitiative } from '../modules/support/recipient-fixture.ts';
import { supportFixture, type SupportFixture } from '../modules/support/test-fixture.ts';
import { seedAllianceSupport } from './alliance-support.ts';
import { createRandom } from './random.ts';
import { seedSupport } from './support.ts';

describeEachDialect('demo support for an initiative and an alliance', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let initiative = '';
  let seeded = 0;
  beforeAll(async () => {
    f = await supportFixture(t);
    initiative = await insertInitiative(t, f.ws.id, 'Aardige buren', [f.carriers.member.id]);
    seeded = (await seedSupport(t().ctx, f.ws.id, createRandom(7))).commitments;
  });

  it('the support demo commits a money offer to the first initiative, counted with the rest', async () => {
    const rows = await t()
      .ctx.db.selectFrom('support_commitments')
      .selectAll()
      .where('recipient_initiative_id', '=', initiative)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient_type: 'initiative', type: 'money', match_id: null });
    const list = await f.coordinator.inject({ method: 'GET', url: `${f.W}/support-commitments` });
    expect(list.json<{ total: number }>().total).toBe(seeded);
  });

  it('writes nothing while the workspace has no alliance', async () => {
    expect(await seedAllianceSupport(t().ctx, f.ws.id, createRandom(1))).toEqual({
      commitments: 0,
      flows: 0,
    });
  });

  it('commits from an offer with room and funds the first alliance, within capacity', async () => {
    const alliance = await insertAlliance(t, f.ws.id, 'Alliantie Oost', [
      { actorId: f.carriers.member.id, role: 'lead' },
    ]);
    expect(await seedAllianceSupport(t().ctx, f.ws.id, createRandom(1))).toEqual({
      commitments: 1,
      flows: 1,
    });
    const db = t().ctx.db;
    const [c] = await db
      .selectFrom('support_commitments')
      .selectAll()
      .where('recipient_alliance_id', '=', alliance)
      .execute();
    expect(c).toMatchObject({ recipient_type: 'alliance', recipient_id: null });
    const offer = await db
      .selectFrom('support_offers')
      .selectAll()
      .where('id', '=', c!.offer_id)
      .executeTakeFirstOrThrow();
    const own = await db
      .selectFrom('support_commitments')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .execute();
    const loads = own.map((x) => ({
      range: dayRange(x.start_date, x.end_date),
      amount: x.amount_per_month,
    }));
    expect(peakLoad(loads, dayRange(offer.start_date, offer.end_date))).toBeLessThanOrEqual(
      offer.capacity_per_month,
    );
    const flow = await db
      .selectFrom('funding_flows')
      .selectAll()
      .where('recipient_alliance_id', '=', alliance)
      .executeTakeFirstOrThrow();
    expect(flow).toMatchObject({ recipient_type: 'alliance', instrument: 'core_funding' });
  });
});

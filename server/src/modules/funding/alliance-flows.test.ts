import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { insertAlliance } from '../support/recipient-fixture.ts';
import type { Flow } from './schema.ts';
import { fundingFixture, fundingSnapshot, type FundingFixture } from './test-fixture.ts';

// Funding flows to an alliance (bondgenootschap): validated against the alliances of the
// workspace, named like initiatives, listed by recipient, and counted in the dashboard's own
// `alliance` kind (not as money to carriers).

describeEachDialect('funding flows to alliances', (dialect) => {
  const t = useTestApp(dialect);
  let f: FundingFixture;
  let alliance = '';
  let elsewhere = '';
  beforeAll(async () => {
    f = await fundingFixture(t);
    alliance = await insertAlliance(t, f.ws.id, 'Bondgenootschap Noord', [
      { actorId: f.carriers.member.id, role: 'lead' },
    ]);
    elsewhere = await insertAlliance(t, f.otherWs.id, 'Elders', []);
  });

  it('takes an alliance of the workspace as recipient', async () => {
    const flow = await f.flow({ recipientType: 'alliance', recipientId: alliance });
    expect(flow).toMatchObject({
      recipientType: 'alliance',
      recipientId: alliance,
      recipientName: 'Bondgenootschap Noord',
      recipientKind: 'alliance',
      initiativeId: null,
    });
    const row = await t()
      .ctx.db.selectFrom('funding_flows')
      .selectAll()
      .where('id', '=', flow.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      recipient_alliance_id: alliance,
      recipient_actor_id: null,
      recipient_initiative_id: null,
    });
    const list = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/funding-flows?recipientId=${alliance}`,
    });
    expect(list.json<{ items: Flow[] }>().items.map((x) => x.id)).toEqual([flow.id]);
  });

  it('refuses an unknown or another workspace’s alliance, writing nothing', async () => {
    const before = await fundingSnapshot(t);
    for (const id of [elsewhere, f.initiative]) {
      const res = await f.coordinator.inject({
        method: 'POST',
        url: `${f.W}/funding-flows`,
        payload: f.flowBody({ recipientType: 'alliance', recipientId: id }),
      });
      expect(problemOf(res, 400).errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual([
        '/recipientId unknown_alliance',
      ]);
    }
    // Changing a flow to an alliance is checked the same way.
    const flow = await f.flow();
    const mid = await fundingSnapshot(t);
    const change = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/funding-flows/${flow.id}`,
      payload: { recipientType: 'alliance', recipientId: elsewhere },
    });
    expect(problemOf(change, 400).errors!.map((e) => e.code)).toEqual(['unknown_alliance']);
    expect(await fundingSnapshot(t)).toEqual(mid);
    expect(Object.keys(before)).toEqual(Object.keys(mid));
  });
});

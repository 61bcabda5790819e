import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { DurabilityOut } from './lifecycle-schema.ts';
import type { CommitmentOut } from './match-schema.ts';
import { groupOffer, insertAlliance, insertInitiative } from './recipient-fixture.ts';
import { remindEndingCommitments } from './reminders.ts';
import { supportFixture, type SupportFixture } from './test-fixture.ts';

// End-of-term reminders and durability for commitments to initiatives and alliances. Today is
// 2026-03-02 on the test clock.

describeEachDialect('support recipients: reminders and continuity', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  beforeAll(async () => {
    f = await supportFixture(t);
  });
  const record = async (payload: object) => {
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-commitments`,
      payload: { amountPerMonth: 10_000, ...payload },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CommitmentOut>().id;
  };
  /** The users notified of the commitment's end, by email address. */
  const notified = async (commitmentId: string) => {
    const rows = await t()
      .ctx.db.selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.email', 'notifications.params'])
      .where('notifications.kind', '=', 'commitment_ending')
      .execute();
    return rows
      .filter(
        (r) => (JSON.parse(r.params) as { commitmentId: string }).commitmentId === commitmentId,
      )
      .map((r) => r.email)
      .sort();
  };

  it('reminds an initiative’s carriers and an alliance’s leads, besides the coordinators', async () => {
    const offer = await groupOffer(f, { startDate: '2025-01-01' });
    const garden = await insertInitiative(t, f.ws.id, 'Buurtmoestuin', [f.carriers.member.id]);
    const alliance = await insertAlliance(t, f.ws.id, 'Bondgenootschap Noord', [
      { actorId: f.carriers.member2.id, role: 'lead' },
      { actorId: f.carriers.member.id, role: 'member' },
    ]);
    const toGarden = await record({
      offerId: offer.id,
      recipientType: 'initiative',
      recipientInitiativeId: garden,
      startDate: '2026-01-01',
      endDate: '2026-03-20',
    });
    const toAlliance = await record({
      offerId: offer.id,
      recipientType: 'alliance',
      recipientAllianceId: alliance,
      startDate: '2026-01-01',
      endDate: '2026-03-25',
    });
    expect(await remindEndingCommitments(t().ctx)).toBe(6);
    const { admin, coordinator, member, member2 } = f.users;
    expect(await notified(toGarden)).toEqual([admin.email, coordinator.email, member.email].sort());
    expect(await notified(toAlliance)).toEqual(
      [admin.email, coordinator.email, member2.email].sort(),
    );
    const mail = await t()
      .ctx.db.selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', member.email)
      .executeTakeFirst();
    expect(JSON.stringify(mail)).toContain('Buurtmoestuin');
    expect(await remindEndingCommitments(t().ctx)).toBe(0);
  });

  it('keeps a carrier’s continuity through an alliance’s support, not the ended project’s', async () => {
    const offer = await groupOffer(f, { startDate: '2025-01-01', title: 'Meerjarig budget' });
    const coaching = await f.offer({ startDate: '2025-01-01', areaIds: [], domainIds: [] });
    // Ended 2025-10-01: checked on 2025-12-30.
    const old = await insertInitiative(t, f.ws.id, 'Zomerschool', [f.carriers.member2.id], {
      start: '2025-01-01',
      end: '2025-10-01',
    });
    const network = await insertAlliance(t, f.ws.id, 'Netwerk Zuid', [
      { actorId: f.carriers.member2.id, role: 'member', start: '2025-11-01' },
    ]);
    // Money to the ended project runs on past the check day; it must not count for the carrier.
    await record({
      offerId: offer.id,
      recipientType: 'initiative',
      recipientInitiativeId: old,
      startDate: '2025-01-01',
      endDate: '2026-06-30',
    });
    const own = await record({
      offerId: coaching.id,
      recipientType: 'actor',
      recipientId: f.carriers.member2.id,
      amountPerMonth: 2,
      startDate: '2026-02-01',
      endDate: '2026-06-30',
    });
    const durability = async () => {
      const res = await f.member2.inject({
        method: 'GET',
        url: `${f.W}/support-commitments/${own}/durability`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<DurabilityOut>();
    };
    expect((await durability()).continuity).toEqual({ ended: 1, kept: 0, share: 0 });
    await record({
      offerId: offer.id,
      recipientType: 'alliance',
      recipientAllianceId: network,
      startDate: '2025-12-01',
      endDate: '2026-12-31',
    });
    const d = await durability();
    expect(d).toMatchObject({
      recipientType: 'actor',
      recipientId: f.carriers.member2.id,
      commitments: 1,
      totalSupportedDays: 30, // February and 1–2 March: the group's support is not the carrier's
      continuity: { ended: 1, kept: 1, share: 1 },
    });
  });
});

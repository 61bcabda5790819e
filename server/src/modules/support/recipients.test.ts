import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { CommitmentOut } from './match-schema.ts';
import { groupOffer, insertAlliance, insertInitiative } from './recipient-fixture.ts';
import type { Offer } from './schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

// Commitments recorded directly to an initiative or an alliance: validation, who sees them, who
// records deliveries against them, and the duplicate check per recipient.

describeEachDialect('support commitments to initiatives and alliances', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let offer: Offer;
  let garden = '';
  let elsewhere = '';
  let alliance = '';
  beforeAll(async () => {
    f = await supportFixture(t);
    offer = await groupOffer(f);
    // The member carries the garden and is a plain member of the alliance; member2 is its lead.
    garden = await insertInitiative(t, f.ws.id, 'Buurtmoestuin', [f.carriers.member.id]);
    elsewhere = await insertInitiative(t, f.otherWs.id, 'Elders', [f.carriers.other.id]);
    alliance = await insertAlliance(t, f.ws.id, 'Bondgenootschap Noord', [
      { actorId: f.carriers.member2.id, role: 'lead' },
      { actorId: f.carriers.member.id, role: 'member' },
      { actorId: f.carriers.hidden.id, role: 'member', end: '2025-12-31' },
    ]);
  });
  const body = (extra: object = {}) => ({
    offerId: offer.id,
    recipientType: 'initiative',
    recipientInitiativeId: garden,
    amountPerMonth: 20_000,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    ...extra,
  });
  const record = (payload: object, who: Browser = f.coordinator) =>
    who.inject({ method: 'POST', url: `${f.W}/support-commitments`, payload });
  const list = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: `${f.W}/support-commitments${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: CommitmentOut[] }>().items.map((c) => c.id);
  };
  const get = (who: Browser, id: string) =>
    who.inject({ method: 'GET', url: `${f.W}/support-commitments/${id}` });

  it('records a commitment to an initiative, seen by its carriers and coordinators only', async () => {
    const res = await record(body({ renewal: 'on_request' }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CommitmentOut>();
    expect(c).toMatchObject({
      matchId: null,
      needId: null,
      providerId: f.fund.id,
      recipientType: 'initiative',
      recipientId: null,
      recipientInitiativeId: garden,
      recipientAllianceId: null,
      recipientName: 'Buurtmoestuin',
      type: 'money',
      unit: 'cents',
      amountPerMonth: 20_000,
      status: 'active',
    });
    expect(await list(f.coordinator, `?recipientInitiativeId=${garden}`)).toEqual([c.id]);
    // The carrier's account sees it (list, one, durability); another member does not.
    expect(await list(f.member, `?recipientInitiativeId=${garden}`)).toEqual([c.id]);
    expect((await get(f.member, c.id)).statusCode).toBe(200);
    expect(await list(f.member2, `?recipientInitiativeId=${garden}`)).toEqual([]);
    expect(problemOf(await get(f.member2, c.id), 404).code).toBe('not_found');
    const d = await f.member.inject({
      method: 'GET',
      url: `${f.W}/support-commitments/${c.id}/durability`,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({
      recipientType: 'initiative',
      recipientId: garden,
      commitments: 1,
      totalSupportedDays: 2, // 1 and 2 March 2026
    });
  });

  it('refuses unknown, other-workspace and mixed recipients: every error, nothing written', async () => {
    const before = await supportSnapshot(t);
    const codes = async (payload: object) =>
      problemOf(await record(payload), 400)
        .errors!.map((e) => `${e.pointer} ${e.code}`)
        .sort();
    expect(await codes(body({ recipientInitiativeId: elsewhere }))).toEqual([
      '/recipientInitiativeId unknown_initiative',
    ]);
    expect(
      await codes(
        body({
          recipientType: 'alliance',
          recipientInitiativeId: undefined,
          recipientAllianceId: garden,
        }),
      ),
    ).toEqual(['/recipientAllianceId unknown_alliance']);
    expect(await codes(body({ recipientId: f.carriers.member.id }))).toEqual([
      '/recipientId conflicting_recipient',
    ]);
    expect(await codes(body({ recipientType: 'actor' }))).toEqual([
      '/recipientId required',
      '/recipientInitiativeId conflicting_recipient',
    ]);
    // The amount and the period need no record: listed with the unknown offer and recipient.
    expect(
      await codes(
        body({ offerId: garden, recipientInitiativeId: elsewhere, endDate: '2026-01-01' }),
      ),
    ).toEqual([
      '/endDate end_before_start',
      '/offerId unknown_offer',
      '/recipientInitiativeId unknown_initiative',
    ]);
    expect(await codes(body({ recipientInitiativeId: elsewhere, amountPerMonth: 0 }))).toEqual([
      '/amountPerMonth out_of_range',
      '/recipientInitiativeId unknown_initiative',
    ]);
    // The provider's side only: a member may not record, even for their own initiative.
    expect(problemOf(await record(body(), f.member), 403).code).toBe('forbidden');
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('checks overlap per recipient of any kind, and the persons rule for actors', async () => {
    const before = await supportSnapshot(t);
    const overlap = problemOf(await record(body({ startDate: '2026-06-01' })), 400);
    expect(overlap.errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/recipientInitiativeId overlapping_commitment',
    ]);
    const person = problemOf(
      await record(
        body({
          recipientType: 'actor',
          recipientInitiativeId: undefined,
          recipientId: f.carriers.member.id,
        }),
      ),
      400,
    );
    expect(person.errors!.map((e) => e.code)).toEqual(['persons_not_eligible']);
    expect(await supportSnapshot(t)).toEqual(before);
    // After the first one ends, the same initiative may get another.
    const next = await record(body({ startDate: '2027-01-01', endDate: '2027-06-30' }));
    expect(next.statusCode, next.body).toBe(201);
  });

  it('lets every current alliance member see its commitment, and only leads record deliveries', async () => {
    const res = await record(
      body({
        recipientType: 'alliance',
        recipientInitiativeId: undefined,
        recipientAllianceId: alliance,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CommitmentOut>();
    expect(c).toMatchObject({
      recipientType: 'alliance',
      recipientAllianceId: alliance,
      recipientName: 'Bondgenootschap Noord',
    });
    expect(await list(f.member2, '?recipientType=alliance')).toEqual([c.id]);
    expect(await list(f.member, '?recipientType=alliance')).toEqual([c.id]);
    expect(await list(f.researcher, '?recipientType=alliance')).toEqual([]);
    const deliver = (who: Browser) =>
      who.inject({
        method: 'POST',
        url: `${f.W}/support-commitments/${c.id}/deliveries`,
        payload: { deliveredOn: '2026-03-02', amount: 5_000 },
      });
    expect(problemOf(await deliver(f.member), 403).code).toBe('forbidden');
    expect(problemOf(await deliver(f.researcher), 404).code).toBe('not_found');
    expect((await deliver(f.member2)).statusCode).toBe(201);
    expect((await deliver(f.coordinator)).statusCode).toBe(201);
    // A member whose membership ended no longer sees it.
    await t()
      .ctx.db.updateTable('alliance_members')
      .set({ end_date: '2026-03-01' })
      .where('actor_id', '=', f.carriers.member.id)
      .execute();
    expect(await list(f.member, '?recipientType=alliance')).toEqual([]);
    expect(problemOf(await get(f.member, c.id), 404).code).toBe('not_found');
  });
});

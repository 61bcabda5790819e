import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { CommitmentOut, MatchOut } from './match-schema.ts';
import type { Offer } from './schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

describeEachDialect('support matches and commitments', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let offer: Offer;
  beforeAll(async () => {
    f = await supportFixture(t);
    offer = await f.offer();
  });
  const items = <T>(res: { json: <U>() => U }) => res.json<{ items: T[] }>().items;

  it('becomes a commitment once both sides accept', async () => {
    const need = await f.need(f.member);
    const m = await f.propose(f.member, {
      offerId: offer.id,
      needId: need.id,
      renewal: 'on_request',
      renewalNote: 'Na een gesprek in november',
    });
    expect(m).toMatchObject({
      status: 'proposed',
      providerId: f.fund.id,
      recipientId: f.carriers.member.id,
      type: 'coaching',
      unit: 'hours',
      amountPerMonth: 5,
      startDate: '2026-04-01',
      endDate: '2026-12-31',
      renewal: 'on_request',
      canAcceptFor: ['recipient'],
      commitmentId: null,
    });
    const before = await supportSnapshot(t);
    expect(problemOf(await f.accept(f.member, m.id, 'provider'), 403).code).toBe('forbidden');
    expect(problemOf(await f.accept(f.member2, m.id, 'recipient'), 404).code).toBe('not_found');
    expect(await supportSnapshot(t)).toEqual(before);
    const mine = await f.accept(f.member, m.id, 'recipient');
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json<MatchOut>()).toMatchObject({ status: 'proposed', canAcceptFor: [] });
    expect(problemOf(await f.accept(f.member, m.id, 'recipient'), 409).code).toBe(
      'already_accepted',
    );
    const done = await f.accept(f.coordinator, m.id, 'provider');
    expect(done.statusCode, done.body).toBe(201);
    const committed = done.json<MatchOut>();
    expect(committed.status).toBe('committed');
    const c = await f.member.inject({
      method: 'GET',
      url: `${f.W}/support-commitments/${committed.commitmentId}`,
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json<CommitmentOut>()).toMatchObject({
      matchId: m.id,
      offerId: offer.id,
      needId: need.id,
      providerName: 'Stadsfonds',
      recipientName: 'Fatima Öztürk',
      amountPerMonth: 5,
      startDate: '2026-04-01',
      endDate: '2026-12-31',
      renewal: 'on_request',
      renewalNote: 'Na een gesprek in november',
      status: 'active',
    });
    const list = (who: typeof f.member) =>
      who.inject({ method: 'GET', url: `${f.W}/support-commitments` });
    expect(items<CommitmentOut>(await list(f.member)).map((x) => x.id)).toEqual([
      committed.commitmentId,
    ]);
    expect(items(await list(f.member2))).toEqual([]);
    expect(
      (
        await f.member2.inject({
          method: 'GET',
          url: `${f.W}/support-commitments/${committed.commitmentId}`,
        })
      ).statusCode,
    ).toBe(404);
    // The commitment uses the offer's capacity: 10 − 5 left for the same period.
    const other = await f.need(f.member2, { requesterId: f.carriers.member2.id });
    const s = await f.member2.inject({
      method: 'GET',
      url: `${f.W}/support-needs/${other.id}/matches`,
    });
    const fit = items<{ offer: Offer; facts: { remainingPerMonth: number } }>(s).find(
      (x) => x.offer.id === offer.id,
    );
    expect(fit?.facts.remainingPerMonth).toBe(5);
    // An offer with commitments cannot be deleted.
    const del = await f.coordinator.inject({
      method: 'DELETE',
      url: `${f.W}/support-offers/${offer.id}`,
    });
    expect(problemOf(del, 409).code).toBe('has_commitments');
    // Nor shrunk below what its commitments use, or shortened before they end.
    const unchanged = await supportSnapshot(t);
    const shrink = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/support-offers/${offer.id}`,
      payload: { capacityPerMonth: 4, endDate: '2026-06-30' },
    });
    expect(problemOf(shrink, 400).errors?.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/capacityPerMonth below_commitments',
      '/endDate commitments_outside_period',
    ]);
    expect(await supportSnapshot(t)).toEqual(unchanged);
  });

  it('refuses bad proposals with every error listed, and writes nothing', async () => {
    const need = await f.need(f.member, { endDate: null });
    const before = await supportSnapshot(t);
    const send = (payload: object) =>
      f.member.inject({ method: 'POST', url: `${f.W}/support-matches`, payload });
    const p = problemOf(
      await send({
        offerId: offer.id,
        needId: need.id,
        amountPerMonth: -3,
        startDate: '2026-08-01',
        endDate: '2026-07-01',
      }),
      400,
    );
    expect(p.errors?.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/amountPerMonth negative_amount',
      '/endDate end_before_start',
    ]);
    // Beyond the remaining capacity (5 of 10 are committed until the end of 2026), and
    // overlapping the commitment this recipient already has from this offer.
    const q = problemOf(await send({ offerId: offer.id, needId: need.id, amountPerMonth: 6 }), 400);
    expect(q.errors?.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/amountPerMonth beyond_capacity',
      '/needId overlapping_commitment',
    ]);
    // An open end beyond the offer's end.
    const r = problemOf(
      await send({ offerId: offer.id, needId: need.id, startDate: '2027-01-01', endDate: null }),
      400,
    );
    expect(r.errors?.map((e) => e.code)).toEqual(['outside_offer_period']);
    const foreign = await f.outsider.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${f.otherWs.slug}/support-matches`,
      payload: { offerId: offer.id, needId: need.id },
    });
    expect(problemOf(foreign, 400).pointers).toEqual(['/needId', '/offerId']);
    const shape = problemOf(
      await send({ offerId: offer.id, needId: 'x', amountPerMonth: 1.5 }),
      400,
    );
    expect(shape.pointers).toEqual(['/amountPerMonth', '/needId']);
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('checks capacity again at the last acceptance: 409, nothing saved', async () => {
    const small = await f.offer({ capacityPerMonth: 6, title: 'Klein' });
    const a = await f.need(f.coordinator, { requesterId: f.carriers.org.id, amountPerMonth: 4 });
    const b = await f.need(f.coordinator, { requesterId: f.carriers.hidden.id, amountPerMonth: 4 });
    const ma = await f.propose(f.coordinator, { offerId: small.id, needId: a.id });
    const mb = await f.propose(f.coordinator, { offerId: small.id, needId: b.id });
    expect(ma.canAcceptFor).toEqual(['provider', 'recipient']);
    for (const side of ['provider', 'recipient'] as const)
      expect((await f.accept(f.coordinator, ma.id, side)).statusCode).toBe(201);
    expect((await f.accept(f.coordinator, mb.id, 'provider')).statusCode).toBe(201);
    const before = await supportSnapshot(t);
    const res = await f.accept(f.coordinator, mb.id, 'recipient');
    const p = problemOf(res, 409);
    expect(p.code).toBe('commitment_conflict');
    expect(p.errors?.map((e) => e.code)).toEqual(['beyond_capacity']);
    expect(await supportSnapshot(t)).toEqual(before);
    // A duplicate proposal of the same pair is refused; declining closes a proposal.
    const dup = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-matches`,
      payload: { offerId: small.id, needId: b.id, amountPerMonth: 2 },
    });
    expect(problemOf(dup, 400).errors?.map((e) => e.code)).toEqual(['duplicate_proposal']);
    const no = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-matches/${mb.id}/rejection`,
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json<MatchOut>()).toMatchObject({ status: 'declined', canAcceptFor: [] });
    expect(problemOf(await f.accept(f.coordinator, mb.id, 'recipient'), 409).code).toBe(
      'match_closed',
    );
    const lists = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/support-matches?status=declined`,
    });
    expect(items<MatchOut>(lists).map((m) => m.id)).toEqual([mb.id]);
    const memberList = await f.member.inject({ method: 'GET', url: `${f.W}/support-matches` });
    expect(items<MatchOut>(memberList).every((m) => m.recipientId === f.carriers.member.id)).toBe(
      true,
    );
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { DurabilityOut } from './lifecycle-schema.ts';
import type { CommitmentOut } from './match-schema.ts';
import type { Offer } from './schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

describeEachDialect('support commitment lifecycle', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let offer: Offer;
  beforeAll(async () => {
    f = await supportFixture(t);
    offer = await f.offer();
  });
  const post = (who: Browser, id: string, what: 'ending' | 'renewals', payload: object) =>
    who.inject({ method: 'POST', url: `${f.W}/support-commitments/${id}/${what}`, payload });
  const codes = (res: Parameters<typeof problemOf>[0]) =>
    problemOf(res, 400)
      .errors?.map((e) => `${e.pointer} ${e.code}`)
      .sort();

  it('ends a commitment early and renews it after its new end', async () => {
    const id = await f.commit(offer.id, {}, f.member);
    const before = await supportSnapshot(t);
    // Only the provider side ends it; the recipient may not.
    expect(
      problemOf(await post(f.member, id, 'ending', { kind: 'end', reason: 'x' }), 403).code,
    ).toBe('forbidden');
    const shape = await post(f.coordinator, id, 'ending', { kind: 'stop', endDate: 'x' });
    expect(problemOf(shape, 400).pointers).toEqual(['/endDate', '/kind', '/reason']);
    expect(
      codes(
        await post(f.coordinator, id, 'ending', {
          kind: 'end',
          endDate: '2026-03-15',
          reason: 'Te vroeg',
        }),
      ),
    ).toEqual(['/endDate end_before_start']);
    expect(
      codes(
        await post(f.coordinator, id, 'ending', {
          kind: 'end',
          endDate: '2027-01-15',
          reason: 'Later',
        }),
      ),
    ).toEqual(['/endDate after_current_end']);
    expect(
      codes(
        await post(f.coordinator, id, 'ending', {
          kind: 'cancel',
          endDate: '2026-06-01',
          reason: 'Weg',
        }),
      ),
    ).toEqual(['/endDate not_for_cancel']);
    expect(await supportSnapshot(t)).toEqual(before);

    const ended = await post(f.coordinator, id, 'ending', {
      kind: 'end',
      endDate: '2026-09-30',
      reason: 'Het fonds herziet zijn regeling',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<CommitmentOut>()).toMatchObject({
      status: 'active',
      endDate: '2026-09-30',
      endReason: 'Het fonds herziet zijn regeling',
      endedAt: '2026-03-02T09:00:00.000Z',
    });
    const seen = await f.member.inject({ method: 'GET', url: `${f.W}/support-commitments/${id}` });
    expect(seen.json<CommitmentOut>().endReason).toBe('Het fonds herziet zijn regeling');

    const renewed = await post(f.coordinator, id, 'renewals', { endDate: '2027-06-30' });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json<CommitmentOut>()).toMatchObject({
      matchId: null,
      offerId: offer.id,
      recipientId: f.carriers.member.id,
      amountPerMonth: 5,
      startDate: '2026-10-01',
      endDate: '2027-06-30',
      renewedFromId: id,
      status: 'active',
      endReason: null,
    });
    const unchanged = await supportSnapshot(t);
    expect(problemOf(await post(f.coordinator, id, 'renewals', { endDate: null }), 409).code).toBe(
      'already_renewed',
    );
    expect(await supportSnapshot(t)).toEqual(unchanged);
  });

  it('re-checks capacity, period and overlap on renewal: every error, nothing written', async () => {
    const small = await f.offer({ capacityPerMonth: 6, title: 'Klein' });
    const a = await f.commit(small.id, { requesterId: f.carriers.org.id, amountPerMonth: 4 });
    await f.commit(small.id, {
      requesterId: f.carriers.hidden.id,
      amountPerMonth: 2,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    const before = await supportSnapshot(t);
    expect(
      codes(
        await post(f.coordinator, a, 'renewals', {
          startDate: '2026-12-01',
          endDate: '2028-06-30',
          amountPerMonth: 5,
        }),
      ),
    ).toEqual([
      '/amountPerMonth beyond_capacity',
      '/endDate outside_offer_period',
      '/needId overlapping_commitment',
      '/startDate overlaps_previous',
    ]);
    expect(
      codes(
        await post(f.coordinator, a, 'renewals', {
          startDate: '2027-03-01',
          endDate: '2027-02-01',
        }),
      ),
    ).toEqual(['/endDate end_before_start']);
    expect(problemOf(await post(f.member, a, 'renewals', { endDate: null }), 403).code).toBe(
      'forbidden',
    );
    expect(await supportSnapshot(t)).toEqual(before);
    const ok = await post(f.coordinator, a, 'renewals', {
      endDate: '2027-12-31',
      amountPerMonth: 4,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<CommitmentOut>()).toMatchObject({ startDate: '2027-01-01', amountPerMonth: 4 });
  });

  it('cancels a commitment, which then is closed for ending and renewal', async () => {
    const id = await f.commit(offer.id, { requesterId: f.carriers.org.id, amountPerMonth: 1 });
    const res = await post(f.coordinator, id, 'ending', {
      kind: 'cancel',
      reason: 'Niet doorgegaan',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CommitmentOut>()).toMatchObject({ status: 'cancelled', endDate: '2026-12-31' });
    const before = await supportSnapshot(t);
    const again = await post(f.coordinator, id, 'ending', { kind: 'end', reason: 'Nogmaals' });
    expect(problemOf(again, 409).code).toBe('commitment_closed');
    const renew = await post(f.coordinator, id, 'renewals', { endDate: null });
    expect(problemOf(renew, 409).code).toBe('commitment_closed');
    const unknown = await post(f.coordinator, crypto.randomUUID(), 'renewals', { endDate: null });
    expect(problemOf(unknown, 404).code).toBe('not_found');
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('measures the recipient’s durability, renewals and continuous days', async () => {
    const first = await f.commit(
      offer.id,
      {
        requesterId: f.carriers.member2.id,
        amountPerMonth: 2,
        startDate: '2026-01-01',
        endDate: '2026-01-31',
      },
      f.member2,
    );
    const renewed = await post(f.coordinator, first, 'renewals', { endDate: '2026-06-30' });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const url = `${f.W}/support-commitments/${renewed.json<CommitmentOut>().id}/durability`;
    const res = await f.member2.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    // January, then the renewal from 1 February: one run up to today, 2026-03-02 (61 days).
    expect(res.json<DurabilityOut>()).toEqual({
      recipientType: 'actor',
      recipientId: f.carriers.member2.id,
      asOf: '2026-03-02',
      commitments: 2,
      totalSupportedDays: 61,
      renewals: 1,
      longestContinuousDays: 61,
      continuity: { ended: 0, kept: 0, share: null },
    });
    expect((await f.member.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

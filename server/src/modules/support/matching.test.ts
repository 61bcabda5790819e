import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { evaluatePair } from '../../analytics/support/index.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Need, Offer } from './schema.ts';
import { supportFixture, type SupportFixture } from './test-fixture.ts';

interface Suggestions {
  items: {
    score: number;
    reasons: { code: string; points: number }[];
    facts: { remainingPerMonth: number; areaRelation: string };
    offer?: Offer;
    need?: Need;
  }[];
  trustKnown: boolean;
}

describeEachDialect('support matching', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let fit: Offer;
  let anywhere: Offer;
  let hidden: Offer;
  let need: Need;
  beforeAll(async () => {
    f = await supportFixture(t);
    fit = await f.offer({ title: 'Past precies' });
    anywhere = await f.offer({ title: 'Overal', areaIds: [], domainIds: [], capacityPerMonth: 3 });
    hidden = await f.offer({ title: 'Nog privé', visibility: 'private' });
    await f.offer({ title: 'Geld', type: 'money', areaIds: [] });
    await f.offer({ title: 'Alleen organisaties', personsEligible: false });
    await f.offer({ title: 'Andere buurt', areaIds: [f.areas[1]] });
    await f.offer({ title: 'Te vroeg', startDate: '2025-01-01', endDate: '2025-12-31' });
    need = await f.need(f.member);
  });
  const get = (who: typeof f.member, url: string) =>
    who.inject({ method: 'GET', url: `${f.W}${url}` });

  it('ranks the offers that fit a need, with the reasons of each score', async () => {
    const res = await get(f.member, `/support-needs/${need.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Suggestions>();
    expect(body.trustKnown).toBe(false);
    expect(body.items.map((s) => s.offer!.title)).toEqual(['Past precies', 'Overal']);
    const [best, second] = body.items;
    expect(best!.facts).toMatchObject({ remainingPerMonth: 10, areaRelation: 'same' });
    expect(second!.facts).toMatchObject({ remainingPerMonth: 3, areaRelation: 'anywhere' });
    expect(best!.reasons.map((r) => r.code)).toEqual([
      'CAPACITY_COVERAGE',
      'PERIOD_COVERAGE',
      'AREA_FIT',
      'DOMAIN_FIT',
      'TARGET_GROUP_FIT',
      'URGENCY',
      'TRUST',
    ]);
    // The same number the analytics give for the same inputs.
    const pair = evaluatePair(
      {
        id: fit.id,
        providerId: f.fund.id,
        type: 'coaching',
        capacityPerMonth: 10,
        start: '2026-01-01',
        end: '2027-12-31',
        areaIds: [f.areas[0]!],
        domainIds: [f.terms.domains[0]!],
        targetGroupIds: [],
        personsEligible: true,
      },
      {
        id: need.id,
        requesterId: f.carriers.member.id,
        requesterKind: 'person',
        type: 'coaching',
        amountPerMonth: 5,
        start: '2026-04-01',
        end: '2026-12-31',
        urgency: 'high',
        areaId: f.areas[0]!,
        domainIds: [f.terms.domains[0]!],
        targetGroupIds: [],
      },
      [],
      { areaParents: new Map() },
    );
    expect(pair.eligible && pair.score).toBe(best!.score);
    // Coordinators also see the private offer.
    const all = (await get(f.coordinator, `/support-needs/${need.id}/matches`)).json<Suggestions>();
    expect(all.items.map((s) => s.offer!.id)).toEqual(
      expect.arrayContaining([fit.id, anywhere.id, hidden.id]),
    );
    expect(all.items).toHaveLength(3);
    const one = (
      await get(f.coordinator, `/support-needs/${need.id}/matches?limit=1`)
    ).json<Suggestions>();
    expect(one.items).toHaveLength(1);
  });

  it('only the need’s editors see its suggestions', async () => {
    expect(problemOf(await get(f.member2, `/support-needs/${need.id}/matches`), 404).code).toBe(
      'not_found',
    );
    const open = await f.need(f.member, { visibility: 'workspace' });
    expect(problemOf(await get(f.member2, `/support-needs/${open.id}/matches`), 403).code).toBe(
      'forbidden',
    );
    expect(problemOf(await get(f.outsider, `/support-needs/${open.id}/matches`), 404).code).toBe(
      'not_found',
    );
  });

  it('ranks the open needs that fit an offer, for its editors', async () => {
    const org = await f.need(f.coordinator, {
      requesterId: f.carriers.org.id,
      urgency: 'low',
      amountPerMonth: 20,
    });
    const closed = await f.need(f.member2, { requesterId: f.carriers.member2.id });
    await f.member2.inject({
      method: 'PATCH',
      url: `${f.W}/support-needs/${closed.id}`,
      payload: { status: 'closed' },
    });
    const res = await get(f.coordinator, `/support-offers/${fit.id}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Suggestions>().items;
    const ids = items.map((s) => s.need!.id);
    expect(ids).toContain(need.id);
    expect(ids).toContain(org.id);
    expect(ids).not.toContain(closed.id);
    expect(ids.indexOf(need.id)).toBeLessThan(ids.indexOf(org.id));
    expect(items.every((s, i) => i === 0 || items[i - 1]!.score >= s.score)).toBe(true);
    expect(problemOf(await get(f.member, `/support-offers/${fit.id}/matches`), 403).code).toBe(
      'forbidden',
    );
  });
});

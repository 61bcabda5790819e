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
    facts: { remainingPerMonth: number; areaRelation: string; trust: number };
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

  it('raises a match’s score and its TRUST reason by a current tie between the parties', async () => {
    const best = async () => {
      const res = await get(f.member, `/support-needs/${need.id}/matches`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<Suggestions>();
      const item = body.items.find((s) => s.offer!.id === fit.id)!;
      const trust = item.reasons.find((r) => r.code === 'TRUST')!;
      return { known: body.trustKnown, score: item.score, points: trust.points, item };
    };
    const before = await best();
    expect(before).toMatchObject({ known: false, points: 0 });
    const tie = (payload: object) =>
      f.coordinator.inject({
        method: 'POST',
        url: `${f.W}/ties`,
        payload: {
          fromActorId: f.carriers.member.id,
          toActorId: f.fund.id,
          directed: false,
          startDate: '2025-01-01',
          ...payload,
        },
      });
    // An ended tie and a tie of another pair count nothing, but the workspace now records ties.
    const ended = await tie({
      type: 'collaboration',
      intensity: 'integrated',
      endDate: '2025-12-31',
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const other = await tie({
      fromActorId: f.carriers.org.id,
      type: 'support',
      intensity: 'integrated',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(await best()).toMatchObject({ known: true, points: 0, score: before.score });
    // A current integrated collaboration: trust 1, TRUST weighs 0.1, so 10 points more.
    const res = await tie({
      type: 'collaboration',
      intensity: 'integrated',
      startDate: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const trusted = await best();
    expect(trusted).toMatchObject({ known: true, points: 10 });
    expect(trusted.item.facts.trust).toBe(1);
    expect(trusted.score).toBeCloseTo(before.score + 10, 9);
    // A cooperative tension takes half its intensity (0.5) off: trust 0.75.
    expect((await tie({ type: 'tension', intensity: 'cooperative' })).statusCode).toBe(201);
    const tense = await best();
    expect(tense.item.facts.trust).toBe(0.75);
    expect(tense.score).toBeCloseTo(before.score + 7.5, 9);
    // The offer's side sees the same trust for the need.
    const offerSide = (
      await get(f.coordinator, `/support-offers/${fit.id}/matches`)
    ).json<Suggestions>();
    expect(offerSide.trustKnown).toBe(true);
    expect(offerSide.items.find((s) => s.need!.id === need.id)!.facts.trust).toBe(0.75);
  });
});

import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { MatchOut } from './match-schema.ts';
import type { Need, Offer } from './schema.ts';

// Shared setup of the support tests (imported by *.test.ts only).

export const SUPPORT_TABLES = [
  'support_offers',
  'support_offer_areas',
  'support_offer_terms',
  'support_needs',
  'support_need_terms',
  'support_matches',
  'support_commitments',
  'support_commitment_reminders',
  'support_deliveries',
] as const;

/** Every row of the support tables, to compare before and after a refused call. */
export async function supportSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of SUPPORT_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * The directory fixture (coordinator, members with their own carriers, a small organisation, two
 * buurten, the default taxonomy, another workspace) plus a large institution, and helpers that
 * call the API.
 */
export async function supportFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const db = t().ctx.db;
  const fund = await insertTestActor(db, f.ws.id, {
    name: 'Stadsfonds',
    kind: 'organisation',
    orgKind: 'fonds',
    sizeClass: 'large',
    visibility: 'public',
  });
  const otherOrg = await insertTestActor(db, f.otherWs.id, {
    name: 'Fonds elders',
    kind: 'organisation',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const offerBody = (extra: object = {}) => ({
    providerId: fund.id,
    type: 'coaching',
    title: 'Coaching voor dragers',
    capacityPerMonth: 10,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    conditions: 'Eén gesprek per week',
    areaIds: [f.areas[0]],
    domainIds: [f.terms.domains[0]],
    targetGroupIds: [],
    personsEligible: true,
    visibility: 'workspace',
    ...extra,
  });
  const needBody = (extra: object = {}) => ({
    requesterId: f.carriers.member.id,
    type: 'coaching',
    description: 'Hulp bij het opzetten van een bewonersgroep',
    amountPerMonth: 5,
    startDate: '2026-04-01',
    endDate: '2026-12-31',
    urgency: 'high',
    areaId: f.areas[0],
    domainIds: [f.terms.domains[0]],
    targetGroupIds: [],
    ...extra,
  });
  const send = async <T>(who: Browser, method: 'POST' | 'PATCH', url: string, payload: object) => {
    const res = await who.inject({ method, url: `${W}${url}`, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  };
  const offer = (extra: object = {}) =>
    send<Offer>(f.coordinator, 'POST', '/support-offers', offerBody(extra));
  const need = (who: Browser = f.member, extra: object = {}) =>
    send<Need>(who, 'POST', '/support-needs', needBody(extra));
  const propose = (who: Browser, payload: object) =>
    send<MatchOut>(who, 'POST', '/support-matches', payload);
  const accept = (who: Browser, matchId: string, side: 'provider' | 'recipient') =>
    who.inject({
      method: 'POST',
      url: `${W}/support-matches/${matchId}/acceptances`,
      payload: { side },
    });
  /** A need of the requester, proposed for the offer and accepted by a coordinator for both sides. */
  const commit = async (offerId: string, extra: object = {}, who: Browser = f.coordinator) => {
    const n = await need(who, extra);
    const m = await propose(f.coordinator, { offerId, needId: n.id });
    for (const side of ['provider', 'recipient'] as const) {
      const res = await accept(side === 'recipient' ? who : f.coordinator, m.id, side);
      expect(res.statusCode, res.body).toBe(201);
    }
    const done = await f.coordinator.inject({ method: 'GET', url: `${W}/support-matches/${m.id}` });
    return done.json<MatchOut>().commitmentId!;
  };
  return { ...f, fund, otherOrg, W, offerBody, needBody, offer, need, propose, accept, commit };
}

export type SupportFixture = Awaited<ReturnType<typeof supportFixture>>;

import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { AllianceDetail } from './schema.ts';

// Shared setup of the alliances tests (imported by *.test.ts only). The test clock's today is
// 2026-03-02.

export const ALLIANCE_TABLES = [
  'alliances',
  'alliance_members',
  'alliance_agreements',
  'alliance_agreement_areas',
  'alliance_agreement_domains',
  'alliance_contributions',
  'alliance_log',
] as const;

/** Every row of the alliance tables, to compare before and after a refused call. */
export async function allianceSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of ALLIANCE_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * The directory fixture (coordinator, members with their own carriers — `member`'s private,
 * `member2`'s visible to the workspace —, a public small organisation, a private carrier, two
 * buurten, another workspace) plus a large institution, and helpers that call the API.
 */
export async function allianceFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const large = await insertTestActor(t().ctx.db, f.ws.id, {
    name: 'Welzijn Groot',
    kind: 'organisation',
    sizeClass: 'large',
    visibility: 'workspace',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const membership = (actorId: string, extra: object = {}) => ({
    actorId,
    role: 'member',
    seats: 1,
    votes: 1,
    startDate: '2025-01-01',
    ...extra,
  });
  const allianceBody = (extra: object = {}) => ({
    name: 'Samen Oude Westen',
    description: 'Dragers en organisaties rond de buurttuin',
    decisionRule: 'consensus',
    members: [
      membership(f.carriers.member.id, { role: 'lead' }),
      membership(f.carriers.org.id),
      membership(large.id, { seats: 2, votes: 2 }),
    ],
    ...extra,
  });
  const alliance = async (extra: object = {}, who: Browser = f.coordinator) => {
    const res = await who.inject({
      method: 'POST',
      url: `${W}/alliances`,
      payload: allianceBody(extra),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AllianceDetail>();
  };
  return { ...f, large, W, membership, allianceBody, alliance };
}

export type AllianceFixture = Awaited<ReturnType<typeof allianceFixture>>;

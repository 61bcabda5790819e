import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';
import type { Actor } from '../../context.ts';
import { importAreas } from '../areas/service.ts';
import { createUserWithRole } from '../workspaces/service.ts';
import { insertTestActor } from './test-support.ts';

// Shared setup of the activities and initiatives tests (imported by *.test.ts only).

export const system: Actor = { kind: 'system' };

/** Every table these modules write or link, for "nothing was written" snapshots. */
export const WRITTEN_TABLES = [
  'activities',
  'initiatives',
  'initiative_participants',
  'achievements',
  'achievement_credits',
  'record_areas',
  'record_terms',
  'search_entries',
  'search_tokens',
] as const;

export interface Problem {
  status: number;
  code: string;
  errors?: { pointer: string; location: string; code: string }[];
}

const buurten = (prefix: string) =>
  collection([
    feature({ id: `BU0599${prefix}01`, name: 'Oude Westen' }, polygon(4.46, 51.91)),
    feature({ id: `BU0599${prefix}02`, name: 'Cool' }, polygon(4.47, 51.91)),
  ]);

async function areaIds(t: () => TestApp, workspaceId: string, prefix: string) {
  await importAreas(t().ctx, system, workspaceId, buurten(prefix), { year: 2024 });
  const rows = await t()
    .ctx.db.selectFrom('areas')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.id);
}

async function termIds(t: () => TestApp, workspaceId: string) {
  const rows = await t()
    .ctx.db.selectFrom('taxonomy_terms')
    .select(['id', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  return {
    domains: rows.filter((r) => r.kind === 'domain').map((r) => r.id),
    groups: rows.filter((r) => r.kind === 'target_group').map((r) => r.id),
  };
}

async function browser(t: () => TestApp, email: string) {
  const b = new Browser(t().app);
  await b.login(email);
  return b;
}

/**
 * A workspace with a coordinator, two members (each with their own linked carrier: one private,
 * one visible to the workspace), a researcher, a private unlinked carrier, an organisation, two
 * buurten and the default taxonomy; and another workspace with its own areas and terms.
 */
export async function directoryFixture(t: () => TestApp) {
  const ctx = t().ctx;
  const a = await seedWorkspace(ctx, ['admin', 'coordinator', 'member', 'researcher']);
  const b = await seedWorkspace(ctx, ['admin']);
  const member2 = await createUserWithRole(ctx, {
    email: `member2.${a.ws.slug}@example.org`,
    displayName: 'Tweede lid',
    password: PASSWORD,
    workspaceId: a.ws.id,
    role: 'member',
  });
  const db = ctx.db;
  const ws = a.ws;
  return {
    ws,
    slug: ws.slug,
    otherWs: b.ws,
    areas: await areaIds(t, ws.id, 'A0'),
    otherAreas: await areaIds(t, b.ws.id, 'B0'),
    terms: await termIds(t, ws.id),
    otherTerms: await termIds(t, b.ws.id),
    users: {
      admin: a.users.admin!,
      coordinator: a.users.coordinator!,
      member: a.users.member!,
      researcher: a.users.researcher!,
      member2,
    },
    coordinator: await browser(t, a.users.coordinator!.email),
    member: await browser(t, a.users.member!.email),
    member2: await browser(t, member2.email),
    researcher: await browser(t, a.users.researcher!.email),
    outsider: await browser(t, b.users.admin!.email),
    carriers: {
      /** Linked to `member`, private (seen by coordinators and the member only). */
      member: await insertTestActor(db, ws.id, {
        name: 'Fatima Öztürk',
        userId: a.users.member!.id,
        visibility: 'private',
      }),
      /** Linked to `member2`, visible to the workspace. */
      member2: await insertTestActor(db, ws.id, {
        name: 'Joop de Wit',
        userId: member2.id,
        visibility: 'workspace',
      }),
      /** Recorded by a coordinator without consent: private, no account. */
      hidden: await insertTestActor(db, ws.id, { name: 'Stille Kracht', visibility: 'private' }),
      org: await insertTestActor(db, ws.id, {
        name: 'Stichting Buurtkracht',
        kind: 'organisation',
        visibility: 'public',
      }),
      other: await insertTestActor(db, b.ws.id, { name: 'Elders', visibility: 'workspace' }),
    },
  };
}

export type Fixture = Awaited<ReturnType<typeof directoryFixture>>;

/** Every row of the tables these modules write, to compare before and after a refused call. */
export async function snapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of WRITTEN_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Asserts a problem+json answer and returns its sorted error pointers. */
export function problemOf(
  res: { statusCode: number; headers: Record<string, unknown>; body: string; json: <T>() => T },
  status: number,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const p = res.json<Problem>();
  return { ...p, pointers: (p.errors ?? []).map((e) => e.pointer).sort() };
}

export const searchEntry = (t: () => TestApp, recordType: string, recordId: string) =>
  t()
    .ctx.db.selectFrom('search_entries')
    .selectAll()
    .where('record_type', '=', recordType as 'activity')
    .where('record_id', '=', recordId)
    .executeTakeFirst();

export const searchTokens = async (t: () => TestApp, recordId: string) =>
  (
    await t()
      .ctx.db.selectFrom('search_tokens')
      .select('token')
      .where('record_id', '=', recordId)
      .orderBy('token')
      .execute()
  ).map((r) => r.token);

export const recordLinks = async (t: () => TestApp, recordId: string) => ({
  areas: (
    await t()
      .ctx.db.selectFrom('record_areas')
      .select('area_id')
      .where('record_id', '=', recordId)
      .orderBy('area_id')
      .execute()
  ).map((r) => r.area_id),
  terms: (
    await t()
      .ctx.db.selectFrom('record_terms')
      .select('term_id')
      .where('record_id', '=', recordId)
      .orderBy('term_id')
      .execute()
  ).map((r) => r.term_id),
});

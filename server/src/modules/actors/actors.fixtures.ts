import { expect } from 'vitest';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import type { TestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import type { Actor } from '../../context.ts';
import type { Database } from '../../db/types.ts';
import { importAreas } from '../areas/service.ts';

/** Shared set-up of the actors module tests: two workspaces, a browser per role, areas, terms. */

export const system: Actor = { kind: 'system' };

export interface Problem {
  status: number;
  code: string;
  errors?: { pointer: string; location: string; code: string }[];
}

const areaFile = collection([
  feature({ id: 'BU05990110', name: 'Stadsdriehoek' }, polygon(4.47, 51.92)),
  feature({ id: 'BU05990111', name: 'Oude Westen' }, polygon(4.46, 51.92)),
  feature({ id: 'BU05990112', name: 'Cool' }, polygon(4.45, 51.92)),
]);

export interface Scene {
  slug: string;
  wsId: string;
  otherSlug: string;
  otherWsId: string;
  users: Record<'admin' | 'coordinator' | 'member' | 'policy_officer' | 'researcher', string>;
  admin: Browser;
  coordinator: Browser;
  member: Browser;
  researcher: Browser;
  outsider: Browser;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  otherAreaId: string;
  otherDomainId: string;
}

async function termIds(t: TestApp, workspaceId: string, kind: 'domain' | 'target_group') {
  const rows = await t.ctx.db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.id);
}

async function areaIds(t: TestApp, workspaceId: string) {
  await importAreas(t.ctx, system, workspaceId, areaFile, { year: 2024 });
  const rows = await t.ctx.db
    .selectFrom('areas')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.id);
}

export async function setUp(t: TestApp): Promise<Scene> {
  const a = await seedWorkspace(t.ctx);
  const b = await seedWorkspace(t.ctx, ['admin']);
  const login = async (email: string | undefined) => {
    const browser = new Browser(t.app);
    await browser.login(email ?? '');
    return browser;
  };
  const id = (role: string) => a.users[role]?.id ?? '';
  return {
    slug: a.ws.slug,
    wsId: a.ws.id,
    otherSlug: b.ws.slug,
    otherWsId: b.ws.id,
    users: {
      admin: id('admin'),
      coordinator: id('coordinator'),
      member: id('member'),
      policy_officer: id('policy_officer'),
      researcher: id('researcher'),
    },
    admin: await login(a.users.admin?.email),
    coordinator: await login(a.users.coordinator?.email),
    member: await login(a.users.member?.email),
    researcher: await login(a.users.researcher?.email),
    outsider: await login(b.users.admin?.email),
    areaIds: await areaIds(t, a.ws.id),
    domainIds: await termIds(t, a.ws.id, 'domain'),
    targetGroupIds: await termIds(t, a.ws.id, 'target_group'),
    otherAreaId: (await areaIds(t, b.ws.id))[0] ?? '',
    otherDomainId: (await termIds(t, b.ws.id, 'domain'))[0] ?? '',
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A call to the workspace's API as `who`; `path` is relative to /workspaces/:slug. */
export const call = (who: Browser, method: Method, slug: string, path: string, payload?: unknown) =>
  who.inject({
    method,
    url: `/api/v1/workspaces/${slug}${path}`,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Expects a status and returns the JSON body. */
export async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
  status = 200,
): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return status === 204 ? (undefined as T) : r.json<T>();
}

/** Every row of the tables a refused write must leave exactly as they were. */
export async function snapshot(t: TestApp) {
  const tables: (keyof Database)[] = [
    'actors',
    'actor_roles',
    'affiliations',
    'activities',
    'record_areas',
    'record_terms',
    'search_entries',
    'search_tokens',
    'audit_events',
  ];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await t.ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export const searchEntry = (t: TestApp, recordId: string) =>
  t.ctx.db
    .selectFrom('search_entries')
    .selectAll()
    .where('record_id', '=', recordId)
    .executeTakeFirst();

export const searchTokens = async (t: TestApp, recordId: string) =>
  (
    await t.ctx.db
      .selectFrom('search_tokens')
      .select('token')
      .where('record_id', '=', recordId)
      .orderBy('token')
      .execute()
  ).map((r) => r.token);

export interface ActorJson {
  id: string;
  kind: string;
  name: string;
  carries: string | null;
  bio: string | null;
  orgKind: string | null;
  budgetBand: string | null;
  staffCount: number | null;
  sizeClass: string | null;
  sizeClassOverride: string | null;
  kvkNumber: string | null;
  website: string | null;
  visibility: string;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  roles: { id: string; role: string; startDate: string | null; endDate: string | null }[];
  affiliations: {
    id: string;
    personId: string;
    personName: string;
    organisationId: string;
    organisationName: string;
    role: string;
    startDate: string | null;
    endDate: string | null;
  }[];
  selfManaged: boolean;
  userId: string | null;
  email?: string | null;
  phone?: string | null;
  contactPreferences?: { channels: string[]; note: string | null } | null;
  consent?: { givenOn: string; textVersion: string; recordedBy: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

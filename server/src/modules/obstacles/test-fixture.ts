import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { createUserWithRole } from '../workspaces/service.ts';
import { createOwner } from './owners-service.ts';
import type { ObstacleDetail } from './schema.ts';

// Shared setup of the obstacle tests (imported by *.test.ts only).

export const OBSTACLE_TABLES = [
  'obstacles',
  'obstacle_areas',
  'obstacle_domains',
  'obstacle_endorsements',
  'obstacle_events',
  'obstacle_owners',
  'obstacle_owner_members',
  'outbox_emails',
  'audit_events',
] as const;

/** Every row of the obstacle tables, to compare before and after a refused call. */
export async function obstacleSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of OBSTACLE_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * The directory fixture plus two policy officers: `officer` answers for the owner
 * "Afdeling Subsidies", `officer2` for nobody.
 */
export async function obstacleFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const ctx = t().ctx;
  const mk = async (name: string) => {
    const u = await createUserWithRole(ctx, {
      email: `${name}.${f.slug}@example.org`,
      displayName: `Beleid ${name}`,
      password: PASSWORD,
      workspaceId: f.ws.id,
      role: 'policy_officer',
    });
    const b = new Browser(t().app);
    await b.login(u.email);
    return { user: u, browser: b };
  };
  const officer = await mk('officer');
  const officer2 = await mk('officer2');
  const owner = await createOwner(ctx, { kind: 'system' }, f.ws.id, {
    name: 'Afdeling Subsidies',
    kind: 'department',
    memberUserIds: [officer.user.id],
  });
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/obstacles${rest}`;
  const base = (extra: object = {}) => ({
    category: 'funding',
    subcategory: 'projects_only',
    severity: 'high',
    title: 'Alleen projectgeld, geen structurele steun',
    description: 'Elk jaar opnieuw aanvragen voor hetzelfde werk.',
    areaIds: [f.areas[0]],
    domainIds: [f.terms.domains[0]],
    anonymous: false,
    ...extra,
  });
  const report = async (who: Browser, extra: object = {}) => {
    const res = await who.inject({ method: 'POST', url: url(), payload: base(extra) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ObstacleDetail>();
  };
  const get = async (who: Browser, id: string) => {
    const res = await who.inject({ method: 'GET', url: url(`/${id}`) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ObstacleDetail>();
  };
  const assign = (id: string, dueDate = '2026-04-01') =>
    f.coordinator.inject({
      method: 'PUT',
      url: url(`/${id}/owner`),
      payload: { ownerId: owner.id, dueDate },
    });
  const respond = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'POST', url: url(`/${id}/responses`), payload });
  return {
    ...f,
    officer: officer.browser,
    officerUser: officer.user,
    officer2: officer2.browser,
    owner,
    url,
    base,
    report,
    get,
    assign,
    respond,
  };
}

export type ObstacleFixture = Awaited<ReturnType<typeof obstacleFixture>>;

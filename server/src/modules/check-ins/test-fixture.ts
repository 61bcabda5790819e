import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD } from '../../../test/session.ts';
import type { Actor } from '../../context.ts';
import type { Role } from '../../db/types.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createUserWithRole } from '../workspaces/service.ts';
import type { CheckInOut } from './schema.ts';

// Shared setup of the check-in tests (imported by *.test.ts only).

export const CHECK_IN_TABLES = [
  'check_ins',
  'check_in_shares',
  'check_in_settings',
  'check_in_reminders',
  'audit_events',
  'outbox_emails',
] as const;

/** Every row of the tables check-ins write, to compare before and after a refused call. */
export async function checkInSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of CHECK_IN_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * The directory fixture (coordinator, two members with their own carriers, a researcher,
 * another workspace) plus logged-in admin and policy officer, and helpers that call the API.
 */
export async function checkInFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const ctx = t().ctx;
  const login = async (email: string) => {
    const b = new Browser(t().app);
    await b.login(email);
    return b;
  };
  const officerUser = await createUserWithRole(ctx, {
    email: `beleid.${f.slug}@example.org`,
    displayName: 'Bas Beleid',
    password: PASSWORD,
    workspaceId: f.ws.id,
    role: 'policy_officer',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const body = (extra: object = {}) => ({
    date: '2026-03-01',
    workload: 4,
    energy: 2,
    supportFelt: 3,
    developmentWishes: 'Leren hoe ik een subsidie aanvraag',
    note: 'Zware maand, maar de buurtkeuken draait',
    ...extra,
  });
  const file = async (who: Browser, extra: object = {}) => {
    const res = await who.inject({
      method: 'POST',
      url: `${W}/me/check-ins`,
      payload: body(extra),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CheckInOut>();
  };
  /** A member with a carrier record, as a service-level actor (no login: fast for bulk data). */
  let n = 0;
  const carrierActor = async (role: Role = 'member') => {
    const u = await createUserWithRole(ctx, {
      email: `drager${++n}.${f.slug}@example.org`,
      displayName: `Drager ${n}`,
      password: PASSWORD,
      workspaceId: f.ws.id,
      role,
    });
    const carrier = await insertTestActor(ctx.db, f.ws.id, { name: `Drager ${n}`, userId: u.id });
    const actor: Actor = {
      kind: 'user',
      userId: u.id,
      via: 'session',
      memberships: [{ workspaceId: f.ws.id, role }],
    };
    return { user: u, carrier, actor };
  };
  const admin = await login(f.users.admin.email);
  const officer = await login(officerUser.email);
  /** Sessions expire as the test clock moves on: logs every browser in again. */
  const relogin = async () => {
    const pairs = [
      [f.coordinator, f.users.coordinator.email],
      [f.member, f.users.member.email],
      [f.member2, f.users.member2.email],
      [f.researcher, f.users.researcher.email],
      [admin, f.users.admin.email],
      [officer, officerUser.email],
    ] as const;
    for (const [b, email] of pairs) await b.login(email);
  };
  return {
    ...f,
    W,
    relogin,
    body,
    file,
    carrierActor,
    users: { ...f.users, officer: officerUser },
    admin,
    officer,
  };
}

export type CheckInFixture = Awaited<ReturnType<typeof checkInFixture>>;

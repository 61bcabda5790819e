import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { newId } from '../../auth/crypto.ts';
import { directoryFixture, system } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createActivity } from '../activities/service.ts';
import { createTie } from '../ties/service.ts';
import type { SignalDetail, SignalSummary } from './schema.ts';
import type { Visibility } from '../../db/directory-types.ts';

// Shared setup of the signals tests (imported by *.test.ts only).

export const SIGNAL_TABLES = [
  'overlap_signals',
  'overlap_signal_events',
  'overlap_signal_notes',
  'overlap_settings',
  'notifications',
  'alliances',
] as const;

/** Every row of the tables a signal call may write, to compare before and after a refusal. */
export async function signalSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of SIGNAL_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * The directory fixture (coordinator, admin, member and member2 with their own carriers, a
 * researcher, two buurten, the default taxonomy, another workspace) plus a large welfare
 * organisation. The member's carrier and the large organisation both run a activity in buurt 0,
 * domain 0, target group 0 since December 2025 (three months on the test clock's 2 March 2026):
 * one open signal between a carrier and a large organisation (score 0.61 ≥ the default 0.6).
 */
export async function signalFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const ctx = t().ctx;
  const large = await insertTestActor(ctx.db, f.ws.id, {
    name: 'Welzijn Groot',
    kind: 'organisation',
    orgKind: 'welzijnsorganisatie',
    sizeClass: 'large',
    visibility: 'public',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const activity = (actorId: string, extra: Record<string, unknown> = {}) =>
    createActivity(ctx, system, f.ws.id, {
      actorId,
      title: 'Buurtmaaltijd',
      areaIds: [f.areas[0]!],
      domainIds: [f.terms.domains[0]!],
      targetGroupIds: [f.terms.groups[0]!],
      startDate: '2025-12-01',
      ...extra,
    });
  const tie = (from: string, to: string, type: 'tension' | 'collaboration' | 'obstruction') =>
    createTie(ctx, system, f.ws.id, {
      fromActorId: from,
      toActorId: to,
      type,
      directed: false,
      intensity: 'cooperative',
      startDate: '2026-01-01',
    });
  await activity(f.carriers.member.id);
  await activity(large.id, { startDate: '2025-06-01', title: 'Ouderenwerk' });

  const list = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: `${W}/overlap-signals${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: SignalSummary[]; total: number }>();
  };
  const get = async (who: Browser, id: string) => {
    const res = await who.inject({ method: 'GET', url: `${W}/overlap-signals/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SignalDetail>();
  };
  const move = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'POST', url: `${W}/overlap-signals/${id}/transitions`, payload });
  /** The one current signal naming both actors. */
  const pair = async (a: string, b: string) => {
    const { items } = await list(f.coordinator, '?includeStale=true');
    return items.find((s) => {
      const ids = s.actors.map((x) => x.id);
      return ids.includes(a) && ids.includes(b);
    });
  };
  const alliance = async (workspaceId = f.ws.id, visibility: Visibility = 'workspace') => {
    const id = newId();
    await ctx.db
      .insertInto('alliances')
      .values({
        id,
        workspace_id: workspaceId,
        name: 'Samen voor de buurt',
        description: null,
        status: 'exploring',
        decision_rule: 'consensus',
        signal_id: null,
        visibility,
        created_by: null,
        created_at: '2026-03-01T00:00:00.000Z',
        updated_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    return id;
  };
  const notices = (userId: string) =>
    ctx.db
      .selectFrom('notifications')
      .select(['kind', 'params', 'link'])
      .where('user_id', '=', userId)
      .where('kind', 'in', ['overlap_signal_new', 'overlap_signal_changed'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  return { ...f, large, W, activity, tie, list, get, move, pair, alliance, notices };
}

export type SignalFixture = Awaited<ReturnType<typeof signalFixture>>;

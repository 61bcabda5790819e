import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createUserWithRole } from '../workspaces/service.ts';
import type { ParticipantOut, StudyOut } from './schema.ts';

// Shared setup of the research tests (imported by *.test.ts only).

export const RESEARCH_TABLES = [
  'research_studies',
  'research_study_workspaces',
  'research_study_members',
  'research_participants',
  'research_consent_events',
  'research_reidentifications',
  'audit_events',
] as const;

/** Every row of the research tables and the audit log, to compare before and after a refusal. */
export async function researchSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of RESEARCH_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

type App = { app: TestApp['app']; ctx: TestApp['ctx'] };

async function browser(t: () => App, email: string) {
  const b = new Browser(t().app);
  await b.login(email);
  return b;
}

/**
 * A workspace with an admin, a coordinator, a member and three researchers (the future steward,
 * a team researcher and one left off the team), two carriers, and a second workspace with its
 * own admin, researcher and carrier. `study()` creates a study with the steward and the team
 * researcher on it.
 */
export async function researchFixture(t: () => App) {
  const ctx = t().ctx;
  const a = await seedWorkspace(ctx, ['admin', 'coordinator', 'member', 'researcher']);
  const b = await seedWorkspace(ctx, ['admin', 'researcher']);
  const researcher = async (name: string) =>
    createUserWithRole(ctx, {
      email: `${name}.${a.ws.slug}@example.org`,
      displayName: name,
      password: PASSWORD,
      workspaceId: a.ws.id,
      role: 'researcher',
    });
  const steward = await researcher('steward');
  const offTeam = await researcher('buitenstaander');
  const W = `/api/v1/workspaces/${a.ws.slug}`;
  const S = `${W}/research/studies`;
  const f = {
    ws: a.ws,
    otherWs: b.ws,
    W,
    S,
    users: {
      admin: a.users.admin!,
      member: a.users.member!,
      researcher: a.users.researcher!,
      steward,
      offTeam,
      otherResearcher: b.users.researcher!,
    },
    admin: await browser(t, a.users.admin!.email),
    coordinator: await browser(t, a.users.coordinator!.email),
    member: await browser(t, a.users.member!.email),
    researcher: await browser(t, a.users.researcher!.email),
    steward: await browser(t, steward.email),
    offTeam: await browser(t, offTeam.email),
    otherAdmin: await browser(t, b.users.admin!.email),
    carrier: await insertTestActor(ctx.db, a.ws.id, { name: 'Fenna Drager' }),
    carrier2: await insertTestActor(ctx.db, a.ws.id, { name: 'Karim Drager' }),
    otherCarrier: await insertTestActor(ctx.db, b.ws.id, { name: 'Elders Drager' }),
    organisation: await insertTestActor(ctx.db, a.ws.id, {
      name: 'Stichting Onderzoek',
      kind: 'organisation',
    }),
  };
  const ok = async <T>(
    res: { statusCode: number; body: string; json: <U>() => U },
    code: number,
  ) => {
    expect(res.statusCode, res.body).toBe(code);
    return res.json<T>();
  };
  /** A study with the steward appointed and the team researcher added. */
  const study = async (title = 'Dragers over tien jaar') => {
    const s = await ok<StudyOut>(
      await f.admin.inject({ method: 'POST', url: S, payload: { title, status: 'active' } }),
      201,
    );
    await ok(
      await f.admin.inject({
        method: 'PUT',
        url: `${S}/${s.id}/steward`,
        payload: { email: steward.email },
      }),
      200,
    );
    await ok(
      await f.steward.inject({
        method: 'POST',
        url: `${S}/${s.id}/members`,
        payload: { email: f.users.researcher.email },
      }),
      201,
    );
    return s.id;
  };
  const participant = async (studyId: string, payload: object, code = 201) =>
    ok<ParticipantOut>(
      await f.steward.inject({
        method: 'POST',
        url: `${S}/${studyId}/participants`,
        payload,
      }),
      code,
    );
  const consent = async (studyId: string, participantId: string, payload: object) =>
    ok(
      await f.steward.inject({
        method: 'POST',
        url: `${S}/${studyId}/participants/${participantId}/consents`,
        payload,
      }),
      201,
    );
  return { ...f, study, participant, consent, ok };
}

export type ResearchFixture = Awaited<ReturnType<typeof researchFixture>>;

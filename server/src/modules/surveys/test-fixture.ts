import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { Answer, Questionnaire, RoundDetail } from './schema.ts';

// Shared setup of the survey tests (imported by *.test.ts only).

/** Every row of the tables a survey call may write, to compare before and after a refusal. */
export async function surveySnapshot(t: () => TestApp) {
  const db = t().ctx.db;
  const rows = [
    ...(await db.selectFrom('survey_rounds').selectAll().execute()),
    ...(await db.selectFrom('survey_members').selectAll().execute()),
    ...(await db.selectFrom('survey_answers').selectAll().execute()),
    ...(await db.selectFrom('ties').selectAll().execute()),
    ...(await db.selectFrom('outbox_emails').select(['id', 'to_address']).execute()),
  ];
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** The survey link's token last mailed to an address (from the outbox). */
export async function mailedToken(t: () => TestApp, to: string): Promise<string> {
  const rows = await t()
    .ctx.db.selectFrom('outbox_emails')
    .select(['body_text', 'created_at'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .execute();
  const token = rows
    .map((r) => /\/meting\/([\w-]+)/.exec(r.body_text)?.[1])
    .find((x) => x !== undefined);
  expect(token, `no survey link mailed to ${to}`).toBeDefined();
  return token!;
}

/**
 * The directory fixture plus two organisations with their own addresses, and helpers: create
 * and open a round of four members (the two members' carriers, the organisation of the fixture
 * and a large one), answer through the public API.
 */
export async function surveyFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const db = t().ctx.db;
  const large = await insertTestActor(db, f.ws.id, {
    name: 'Welzijn Groot',
    kind: 'organisation',
    sizeClass: 'large',
    visibility: 'workspace',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const emails = {
    member: f.users.member.email,
    member2: f.users.member2.email,
    org: `buurtkracht.${f.slug}@example.org`,
    large: `groot.${f.slug}@example.org`,
  };
  const roundBody = (extra: object = {}) => ({
    title: 'Netwerkmeting 2026',
    intro: 'Met wie werkt u samen?',
    opensOn: '2026-03-02',
    closesOn: '2026-03-31',
    reminderDays: 7,
    members: [
      { actorId: f.carriers.member.id },
      { actorId: f.carriers.member2.id },
      { actorId: f.carriers.org.id, email: emails.org },
      { actorId: large.id, email: emails.large },
    ],
    ...extra,
  });
  const round = async (extra: object = {}, who: Browser = f.coordinator) => {
    const res = await who.inject({
      method: 'POST',
      url: `${W}/survey-rounds`,
      payload: roundBody(extra),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<RoundDetail>();
  };
  const action = async (id: string, what: 'opening' | 'closing', status = 200) => {
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${W}/survey-rounds/${id}/${what}`,
    });
    expect(res.statusCode, res.body).toBe(status);
    return res.json<RoundDetail>();
  };
  const openRound = async (extra: object = {}) => {
    const r = await round(extra);
    await action(r.id, 'opening');
    return r;
  };
  const app = () => t().app;
  const lookup = (token: string) =>
    app().inject({ method: 'POST', url: '/api/v1/survey-responses/lookup', payload: { token } });
  const save = (token: string, alterId: string, answer: object) =>
    app().inject({
      method: 'PUT',
      url: `/api/v1/survey-responses/answers/${alterId}`,
      payload: { token, ...answer },
    });
  const submit = (token: string) =>
    app().inject({
      method: 'POST',
      url: '/api/v1/survey-responses/submission',
      payload: { token },
    });
  const saved = async (token: string, alterId: string, answer: object) => {
    const res = await save(token, alterId, answer);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Answer>();
  };
  const questionnaire = async (token: string) => {
    const res = await lookup(token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Questionnaire>();
  };
  return {
    ...f,
    large,
    W,
    emails,
    roundBody,
    round,
    action,
    openRound,
    lookup,
    save,
    saved,
    submit,
    questionnaire,
  };
}

export type SurveyFixture = Awaited<ReturnType<typeof surveyFixture>>;

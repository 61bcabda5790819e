import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { researchFixture } from './test-fixture.ts';
import type { ItemOut, Questionnaire, WaveDetail, WaveOut } from './wave-schema.ts';

// Shared setup of the wave, invitation and questionnaire tests (imported by *.test.ts only).

type App = Pick<TestApp, 'app' | 'ctx'>;

export const WAVE_TABLES = [
  'research_waves',
  'research_items',
  'research_invitations',
  'research_answers',
  'research_named_actors',
  'outbox_emails',
  'audit_events',
] as const;

/** Every row of the wave tables, the outbox and the audit log, to compare around a refusal. */
export async function waveSnapshot(t: () => App) {
  const out: Record<string, string[]> = {};
  for (const table of WAVE_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The questionnaire link's token last mailed to an address (from the outbox). */
export async function mailedLink(t: () => App, to: string): Promise<string> {
  const rows = await t()
    .ctx.db.selectFrom('outbox_emails')
    .select(['body_text', 'created_at'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .execute();
  const token = rows
    .map((r) => /\/onderzoek\/vragenlijst\/([\w-]+)/.exec(r.body_text)?.[1])
    .find((x) => x !== undefined);
  expect(token, `no questionnaire link mailed to ${to}`).toBeDefined();
  return token!;
}

/** One item of each kind; the network item offers the public actors of the workspace. */
export const ITEMS = [
  {
    code: 'tevreden',
    kind: 'likert',
    promptNl: 'Hoe tevreden bent u over de buurt?',
    promptEn: 'How satisfied are you with the neighbourhood?',
    required: true,
    options: { points: 5, anchorsNl: ['Zeer ontevreden', 'Zeer tevreden'] },
  },
  {
    code: 'rol',
    kind: 'single',
    promptNl: 'Wat is uw rol?',
    options: {
      choices: [
        { value: 'bewoner', labelNl: 'Bewoner', labelEn: 'Resident' },
        { value: 'pro', labelNl: 'Professional' },
      ],
    },
  },
  {
    code: 'thema',
    kind: 'multiple',
    promptNl: 'Welke thema’s?',
    options: {
      choices: [
        { value: 'groen', labelNl: 'Groen' },
        { value: 'jeugd', labelNl: 'Jeugd' },
        { value: 'zorg', labelNl: 'Zorg' },
      ],
    },
  },
  {
    code: 'uren',
    kind: 'number',
    promptNl: 'Hoeveel uur per week?',
    required: true,
    options: { min: 0, max: 80, integer: true },
  },
  { code: 'verhaal', kind: 'text', promptNl: 'Vertel', options: { maxLength: 500 } },
  {
    code: 'netwerk',
    kind: 'network',
    promptNl: 'Met wie werkt u samen?',
    options: { maxNames: 3 },
  },
] as const;

/**
 * The research fixture plus: public actors to name, helpers to build a wave with items, give a
 * participant consent and email address, and answer through the public API.
 */
export async function waveFixture(t: () => App) {
  const f = await researchFixture(t);
  const db = t().ctx.db;
  const publicActor = (name: string, workspaceId = f.ws.id) =>
    insertTestActor(db, workspaceId, { name, visibility: 'public' });
  const named = {
    anna: await publicActor('Anna Buurman'),
    buurthuis: await publicActor('Buurthuis De Kern'),
    other: await publicActor('Elders Publiek', f.otherWs.id),
  };
  const W = (studyId: string) => `${f.S}/${studyId}/waves`;
  const post = async <T>(url: string, payload: object = {}, code = 201, who = f.researcher) =>
    f.ok<T>(await who.inject({ method: 'POST', url, payload }), code);
  const wave = async (studyId: string, payload: object = {}) =>
    post<WaveOut>(W(studyId), { title: 'Golf 2026', startsOn: '2026-03-01', ...payload });
  /** A wave with every kind of item, opened. */
  const openWave = async (studyId: string, title = 'Golf 2026') => {
    const w = await wave(studyId, { title });
    for (const item of ITEMS) await post<ItemOut>(`${W(studyId)}/${w.id}/items`, item);
    await post<WaveOut>(`${W(studyId)}/${w.id}/open`, {}, 200);
    const detail = await f.ok<WaveDetail>(
      await f.researcher.inject({ method: 'GET', url: `${W(studyId)}/${w.id}` }),
      200,
    );
    const byCode = Object.fromEntries(detail.items.map((i) => [i.code, i])) as Record<
      (typeof ITEMS)[number]['code'],
      ItemOut
    >;
    return { id: w.id, url: `${W(studyId)}/${w.id}`, items: byCode };
  };
  const consentTo = async (studyId: string, participantId: string, purposes: string[]) => {
    for (const purpose of purposes)
      await f.consent(studyId, participantId, {
        purpose,
        decision: 'given',
        method: 'written',
        letterVersion: 'IB-1',
      });
  };
  const withdraw = (studyId: string, participantId: string, purpose: string) =>
    f.consent(studyId, participantId, { purpose, decision: 'withdrawn', method: 'online' });
  /** An external participant with participation and recontact consent. */
  const external = async (studyId: string, name: string, email: string, purposes?: string[]) => {
    const p = await f.participant(studyId, { kind: 'external', name, email });
    await consentTo(studyId, p.id, purposes ?? ['participation', 'recontact']);
    return p;
  };
  const R = '/api/v1/research-responses';
  const respond = {
    lookup: (token: string) =>
      t().app.inject({ method: 'POST', url: `${R}/lookup`, payload: { token } }),
    save: (token: string, itemId: string, value: unknown) =>
      t().app.inject({ method: 'PUT', url: `${R}/answers/${itemId}`, payload: { token, value } }),
    submit: (token: string) =>
      t().app.inject({ method: 'POST', url: `${R}/submission`, payload: { token } }),
  };
  const questionnaire = async (token: string) =>
    f.ok<Questionnaire>(await respond.lookup(token), 200);
  return {
    ...f,
    named,
    W,
    post,
    wave,
    openWave,
    consentTo,
    withdraw,
    external,
    respond,
    questionnaire,
  };
}

export type WaveFixture = Awaited<ReturnType<typeof waveFixture>>;

import { newId, sha256 } from '../auth/crypto.ts';
import { isoAfter, nowIso, type Actor, type AppContext } from '../context.ts';
import { allianceParties } from '../modules/alliances/repo.ts';
import { createCode } from '../modules/research/coding-service.ts';
import { recordConsent } from '../modules/research/consent-service.ts';
import { importWave } from '../modules/research/import-service.ts';
import { createInterview } from '../modules/research/interview-service.ts';
import { newNonce, participantToken } from '../modules/research/invitation-mail.ts';
import type { AnswerValue } from '../modules/research/item-rules.ts';
import { createMemo } from '../modules/research/memo-service.ts';
import { addParticipant } from '../modules/research/participant-service.ts';
import { saveAnswer, submitAnswers } from '../modules/research/respond-service.ts';
import type { ConsentInput, ParticipantCreate } from '../modules/research/schema.ts';
import { createSegment } from '../modules/research/segment-service.ts';
import { addResearcher, appointSteward, createStudy } from '../modules/research/study-service.ts';
import { insertInvitation } from '../modules/research/wave-repo.ts';
import type { ItemCreate } from '../modules/research/wave-schema.ts';
import {
  addItem,
  closeWave,
  copyItems,
  createWave,
  getWave,
  openWave,
} from '../modules/research/wave-service.ts';
import { membersOf } from './repo.ts';
import type { Random } from './random.ts';
import {
  answerRow,
  CODES,
  EXTERNALS,
  INTERVIEWS,
  ITEMS,
  MEMO,
  STUDY_DESCRIPTION,
  type Answers,
} from './research-content.ts';

// The demo study of issue 8 (longitudinal research): "Beste personen in Wijkhaven", eight demo
// carriers and two external people followed over two waves ten years apart. Written through the
// research services, so pseudonyms are the HMAC under the configured study key and open text,
// names, emails, transcripts and memos are encrypted at rest as in real use. The 2016 wave is a
// paper questionnaire imported from a CSV file (keyed by pseudonym); the 2026 wave ran on the
// platform: each invitee got a single-use link (no email is sent by the seed) and the respondents
// answered and submitted through the public questionnaire's service. Some attrition: one carrier
// withdrew consent to be contacted for later waves, two did not answer in 2026, one external
// person joined in 2026. Choices come from the seeded stream; ids are the services' own.

export const DEMO_STUDY_TITLE = 'Beste personen in Wijkhaven — tienjarige follow-up';
export const DEMO_RESEARCHER = 'onderzoek@demo.wijkdragers.nl';

const SYSTEM: Actor = { kind: 'system' };
const CLIENT = 'demo-seed';
const CARRIERS = 8;

export interface ResearchSeed {
  studyId: string;
  participants: number;
  waves: [string, string];
  answers: [number, number];
}

/** Who takes part and how far: indexes into the participant list (carriers first). */
interface Plan {
  /** Participants in the 2016 wave. */
  wave1: number[];
  /** Participants who answered and submitted in 2026. */
  wave2: number[];
  /** Withdrew consent to be contacted for later waves (so was not invited in 2026). */
  noRecontact: number;
  /** Gave no recording consent. */
  noRecording: number[];
}

// Carriers 0–7, externals 8 (since 2016) and 9 (joined in 2026).
const plan: Plan = {
  wave1: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  wave2: [0, 1, 2, 3, 4, 5, 8, 9],
  noRecontact: 6,
  noRecording: [3, 9],
};

export async function seedResearch(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
): Promise<ResearchSeed | null> {
  const members = await membersOf(ctx.db, workspaceId);
  const researcher = members.find((m) => m.email === DEMO_RESEARCHER);
  const persons = (await allianceParties(ctx.db, workspaceId)).actors.filter(
    (a) => a.kind === 'person',
  );
  if (!researcher || persons.length < CARRIERS) return null;
  // The steward is another researcher of Wijkhaven (the demo researcher when there is none).
  const steward =
    members.find((m) => m.role === 'researcher' && m.id !== researcher.id) ?? researcher;

  const study = await createStudy(ctx, SYSTEM, workspaceId, {
    title: DEMO_STUDY_TITLE,
    description: STUDY_DESCRIPTION,
    status: 'active',
  });
  const studyId = study.id;
  await appointSteward(ctx, SYSTEM, workspaceId, studyId, steward.email);
  if (steward.id !== researcher.id)
    await addResearcher(ctx, SYSTEM, workspaceId, studyId, researcher.email);

  const identities: ParticipantCreate[] = [
    ...random.sample(persons, CARRIERS).map((p) => ({ kind: 'actor' as const, actorId: p.id })),
    ...EXTERNALS.map((e) => ({ kind: 'external' as const, name: e.name, email: e.email })),
  ];
  const people: { id: string; pseudonym: string }[] = [];
  for (const identity of identities)
    people.push((await addParticipant(ctx, SYSTEM, workspaceId, studyId, identity)).participant);
  const ids = people.map((p) => p.id);

  await recordConsents(ctx, workspaceId, studyId, ids);

  // 2016: the paper wave, imported from a spreadsheet keyed by pseudonym, then closed.
  const w1 = await createWave(ctx, SYSTEM, workspaceId, studyId, {
    title: 'Meting 2016',
    description: 'Papieren vragenlijst van 2016, later ingevoerd en als CSV-bestand geïmporteerd.',
    startsOn: '2016-02-01',
    endsOn: '2016-03-31',
    source: 'import',
  });
  for (const item of ITEMS)
    await addItem(ctx, SYSTEM, workspaceId, studyId, w1.id, item satisfies ItemCreate);
  const earlier = plan.wave1.map((i) => ({
    pseudonym: people[i]!.pseudonym,
    answers: answerRow(random, 0, i),
  }));
  const imported = await importWave(ctx, SYSTEM, workspaceId, studyId, w1.id, {
    filename: 'meting-2016.csv',
    format: 'csv',
    contentBase64: Buffer.from(csvOf(earlier), 'utf8').toString('base64'),
    participantColumn: 'pseudoniem',
    participantKey: 'pseudonym',
    columns: Object.fromEntries(ITEMS.map((i) => [i.code, i.code])),
  });
  await closeWave(ctx, SYSTEM, workspaceId, studyId, w1.id);

  // 2026: the same items (copied, so the codes match), answered through emailed links.
  const w2 = await createWave(ctx, SYSTEM, workspaceId, studyId, {
    title: 'Meting 2026',
    description: 'Tien jaar later: dezelfde vragen, nu online met een persoonlijke link.',
    startsOn: '2026-02-01',
    endsOn: '2026-02-28',
  });
  await copyItems(ctx, SYSTEM, workspaceId, studyId, w2.id, w1.id);
  await openWave(ctx, SYSTEM, workspaceId, studyId, w2.id);
  const itemIds = new Map(
    (await getWave(ctx, SYSTEM, workspaceId, studyId, w2.id)).items.map((i) => [i.code, i.id]),
  );
  let later = 0;
  for (const [i, participantId] of ids.entries()) {
    if (i === plan.noRecontact) continue;
    const token = await link(ctx, studyId, w2.id, participantId);
    if (!plan.wave2.includes(i)) continue;
    for (const [code, value] of Object.entries(answerRow(random, 1, i))) {
      if (value === null) continue;
      await saveAnswer(ctx, itemIds.get(code)!, { token, value }, CLIENT);
      later += 1;
    }
    await submitAnswers(ctx, token, CLIENT);
  }
  await closeWave(ctx, SYSTEM, workspaceId, studyId, w2.id);

  await seedQualitative(ctx, workspaceId, studyId, ids[0]!, [w1.id, w2.id]);
  return {
    studyId,
    participants: ids.length,
    waves: [w1.id, w2.id],
    answers: [imported.answers, later],
  };
}

async function recordConsents(
  ctx: AppContext,
  workspaceId: string,
  studyId: string,
  ids: string[],
) {
  const consent = (id: string, input: ConsentInput) =>
    recordConsent(ctx, SYSTEM, workspaceId, studyId, id, input);
  for (const [i, id] of ids.entries()) {
    const newcomer = !plan.wave1.includes(i);
    const given = (purpose: ConsentInput['purpose']): ConsentInput => ({
      purpose,
      decision: 'given',
      method: newcomer ? 'online' : 'written',
      letterVersion: newcomer ? 'informatiebrief 2026' : 'informatiebrief 2016',
      date: newcomer ? '2026-01-20' : '2016-01-25',
    });
    await consent(id, given('participation'));
    if (!plan.noRecording.includes(i)) await consent(id, given('recording'));
    await consent(id, given('recontact'));
    if (i === plan.noRecontact)
      await consent(id, {
        purpose: 'recontact',
        decision: 'withdrawn',
        method: 'verbal',
        date: '2021-06-14',
        note: 'Wil na de verhuizing niet meer benaderd worden voor nieuwe metingen.',
      });
  }
}

/** A single-use link for the participant, as `invite` makes it but without mailing it. */
async function link(ctx: AppContext, studyId: string, waveId: string, participantId: string) {
  const nonce = newNonce();
  const token = participantToken(ctx, waveId, participantId, nonce);
  const now = nowIso(ctx);
  await insertInvitation(ctx.db, {
    id: newId(),
    study_id: studyId,
    wave_id: waveId,
    participant_id: participantId,
    token_hash: sha256(token),
    nonce,
    language: 'nl',
    expires_at: isoAfter(ctx, 30 * 86_400),
    sent_at: now,
    reminded_at: null,
    started_at: null,
    submitted_at: null,
    revoked_at: null,
    created_by: null,
    created_at: now,
  });
  return token;
}

/** The CSV a typist would make of the paper questionnaires (semicolons, as Dutch Excel does). */
function csvOf(rows: { pseudonym: string; answers: Answers }[]): string {
  const cell = (v: AnswerValue) =>
    v === null ? '' : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v);
  const header = ['pseudoniem', ...ITEMS.map((i) => i.code)].join(';');
  const lines = rows.map((r) =>
    [r.pseudonym, ...ITEMS.map((i) => cell(r.answers[i.code] ?? null))].join(';'),
  );
  return [header, ...lines].join('\r\n') + '\r\n';
}

/** Two interviews with the first carrier ten years apart, a small codebook, segments, a memo. */
async function seedQualitative(
  ctx: AppContext,
  workspaceId: string,
  studyId: string,
  participantId: string,
  waveIds: [string, string],
) {
  const codes = new Map<string, string>();
  for (const c of CODES) {
    const parentId = c.parent ? codes.get(c.parent) : undefined;
    const made = await createCode(ctx, SYSTEM, workspaceId, studyId, {
      name: c.name,
      definition: c.definition,
      ...(parentId ? { parentId } : {}),
    });
    codes.set(c.name, made.id);
  }
  for (const [n, interview] of INTERVIEWS.entries()) {
    const made = await createInterview(ctx, SYSTEM, workspaceId, studyId, {
      participantId,
      waveId: waveIds[n]!,
      heldOn: interview.heldOn,
      title: interview.title,
      transcript: interview.transcript,
    });
    for (const [quote, code] of interview.segments) {
      const start = interview.transcript.indexOf(quote);
      if (start < 0) throw new Error(`demo transcript lacks "${quote}"`);
      await createSegment(ctx, SYSTEM, workspaceId, studyId, {
        codeId: codes.get(code)!,
        interviewId: made.id,
        start,
        end: start + quote.length,
      });
    }
  }
  await createMemo(ctx, SYSTEM, workspaceId, studyId, {
    title: MEMO.title,
    body: MEMO.body,
    codeId: codes.get(MEMO.code)!,
  });
}

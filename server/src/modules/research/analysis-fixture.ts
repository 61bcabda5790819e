import { newId } from '../../auth/crypto.ts';
import { encryptField } from '../../crypto/field-encryption.ts';
import type {
  ItemKind,
  ItemOptions,
  WaveSource,
  WaveStatus,
} from '../../db/research-wave-types.ts';
import type { TestApp } from '../../../test/harness.ts';
import { checkAnswer, type AnswerValue } from './item-rules.ts';
import { researchFixture } from './test-fixture.ts';

// Shared setup of the comparison, import and export tests (imported by *.test.ts only): a study
// with five participants (four external, one carrier), every one with participation consent, and
// two waves ten years apart with the same items (matched by code). Rows are written directly, the
// way the wave and coding services store them (item-rules.ts `checkAnswer`).

type App = { app: TestApp['app']; ctx: TestApp['ctx'] };

const T0 = '2026-01-01T00:00:00.000Z';
export const LIKERT: ItemOptions = { points: 5, anchorsNl: ['oneens', 'eens'] };
export const ROLE: ItemOptions = {
  choices: [
    { value: 'vrijwilliger', labelNl: 'Vrijwilliger', labelEn: 'Volunteer' },
    { value: 'beroeps', labelNl: 'Beroepskracht' },
  ],
};
export const NAMES = ['Anna Canary', 'Bram Canary', 'Cees Canary', 'Dirk Canary'] as const;
export const emailOf = (name: string) => `${name.toLowerCase().replace(' ', '.')}@example.org`;

export async function analysisFixture(t: () => App) {
  const f = await researchFixture(t);
  const db = () => t().ctx.db;
  const keys = () => t().ctx.config.fieldEncryptionKeys;
  const studyId = await f.study('Dragers 2015–2025');
  const people = [];
  for (const name of NAMES)
    people.push(await f.participant(studyId, { kind: 'external', name, email: emailOf(name) }));
  const [A, B, C, D] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  const E = await f.participant(studyId, { kind: 'actor', actorId: f.carrier.id });
  const give = (participantId: string, decision: 'given' | 'withdrawn' = 'given') =>
    f.consent(studyId, participantId, {
      purpose: 'participation',
      decision,
      method: 'written',
      letterVersion: 'v1',
    });
  for (const p of [A, B, C, D, E]) await give(p.id);

  const wave = async (title: string, startsOn: string, source: WaveSource, status: WaveStatus) => {
    const id = newId();
    await db()
      .insertInto('research_waves')
      .values({
        id,
        study_id: studyId,
        title,
        description: null,
        status,
        source,
        starts_on: startsOn,
        ends_on: null,
        created_by: null,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    return id;
  };
  const items = new Map<
    string,
    { id: string; code: string; kind: ItemKind; options: ItemOptions }
  >();
  const item = async (
    waveId: string,
    position: number,
    code: string,
    kind: ItemKind,
    options: ItemOptions = {},
  ) => {
    const id = newId();
    await db()
      .insertInto('research_items')
      .values({
        id,
        study_id: studyId,
        wave_id: waveId,
        position,
        code,
        kind,
        prompt_nl: `Vraag ${code}`,
        prompt_en: `Question ${code}`,
        help_nl: null,
        help_en: null,
        options: JSON.stringify(options),
        required: 0,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    items.set(`${waveId}/${code}`, { id, code, kind, options });
    return id;
  };
  const w1 = await wave('Golf 2015', '2015-03-01', 'import', 'draft');
  const w2 = await wave('Golf 2025', '2025-03-01', 'platform', 'open');
  await item(w1, 0, 'trust', 'likert', LIKERT);
  await item(w1, 1, 'role', 'single', ROLE);
  await item(w1, 2, 'open', 'text', { maxLength: 500 });
  await item(w2, 0, 'trust', 'likert', LIKERT);
  await item(w2, 1, 'role', 'single', ROLE);
  await item(w2, 2, 'names', 'network', { maxNames: 5 });

  /** Stores an answer as the questionnaire would; returns its id. */
  const answer = async (
    waveId: string,
    code: string,
    participantId: string,
    value: AnswerValue,
  ) => {
    const it = items.get(`${waveId}/${code}`)!;
    const { stored, errors } = checkAnswer(it, value, new Set([f.carrier.id, f.carrier2.id]));
    if (!stored) throw new Error(`bad fixture answer: ${JSON.stringify(errors)}`);
    const id = newId();
    await db()
      .insertInto('research_answers')
      .values({
        id,
        study_id: studyId,
        wave_id: waveId,
        participant_id: participantId,
        item_id: it.id,
        value_number: stored.number,
        value_json: stored.json === null ? null : JSON.stringify(stored.json),
        value_text_enc:
          stored.text === null
            ? null
            : encryptField(
                keys(),
                { table: 'research_answers', column: 'value_text_enc', rowId: id },
                stored.text,
              ),
        source: 'link',
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    for (const actorId of stored.actorIds)
      await db()
        .insertInto('research_named_actors')
        .values({ answer_id: id, study_id: studyId, actor_id: actorId })
        .execute();
    return id;
  };
  /** The second wave's answers (the first comes by import or `firstWave()`). */
  const secondWave = async () => {
    await answer(w2, 'trust', A.id, 4);
    await answer(w2, 'trust', B.id, 5);
    await answer(w2, 'trust', D.id, 1);
    await answer(w2, 'trust', E.id, 3);
    await answer(w2, 'role', B.id, 'beroeps');
    // A names the carrier who is participant E: an actor id that must never be exported.
    await answer(w2, 'names', A.id, [f.carrier.id, f.carrier2.id]);
  };
  const OPEN = 'Ik draag de buurt al jaren.';
  const firstWave = async () => {
    await answer(w1, 'trust', A.id, 2);
    await answer(w1, 'trust', B.id, 4);
    await answer(w1, 'trust', C.id, 3);
    await answer(w1, 'role', A.id, 'vrijwilliger');
    await answer(w1, 'role', C.id, 'vrijwilliger');
    return answer(w1, 'open', B.id, OPEN);
  };
  const SS = `${f.S}/${studyId}`;
  return {
    ...f,
    studyId,
    SS,
    A,
    B,
    C,
    D,
    E,
    w1,
    w2,
    items,
    answer,
    firstWave,
    secondWave,
    give,
    OPEN,
  };
}

export type AnalysisFixture = Awaited<ReturnType<typeof analysisFixture>>;

/** Rows of the tables an import or export writes, to compare before and after a refusal. */
export async function analysisSnapshot(t: () => App) {
  const out: Record<string, string[]> = {};
  for (const table of [
    'research_answers',
    'research_participants',
    'research_import_runs',
    'research_exports',
    'audit_events',
  ] as const) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

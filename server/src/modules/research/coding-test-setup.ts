import { newId } from '../../auth/crypto.ts';
import { encryptField } from '../../crypto/field-encryption.ts';
import type { TestApp } from '../../../test/harness.ts';
import { researchFixture } from './test-fixture.ts';

// Shared setup of the interview and coding tests (imported by *.test.ts only): a study with
// three participants (p1: participation and recording consent, p2: participation only, p3: no
// consent), two earlier waves ten years apart with an open question each, and helpers to add
// open answers exactly as the answering service stores them (field-encrypted value_text_enc).

const NOW = '2026-01-05T10:00:00.000Z';

export async function codingSetup(t: () => TestApp) {
  const f = await researchFixture(t);
  const studyId = await f.study('Interviews en codering');
  const SS = `${f.S}/${studyId}`;
  const p1 = await f.participant(studyId, { kind: 'actor', actorId: f.carrier.id });
  const p2 = await f.participant(studyId, {
    kind: 'external',
    name: 'Anna Jansen',
    email: 'anna.jansen@example.org',
  });
  const p3 = await f.participant(studyId, { kind: 'actor', actorId: f.carrier2.id });
  const give = (participantId: string, purpose: string) =>
    f.consent(studyId, participantId, {
      purpose,
      decision: 'given',
      method: 'written',
      letterVersion: 'v1',
    });
  await give(p1.id, 'participation');
  await give(p1.id, 'recording');
  await give(p2.id, 'participation');

  const db = t().ctx.db;
  const wave = async (title: string, startsOn: string) => {
    const id = newId();
    await db
      .insertInto('research_waves')
      .values({
        id,
        study_id: studyId,
        title,
        description: null,
        status: 'closed',
        source: 'import',
        starts_on: startsOn,
        ends_on: null,
        created_by: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    const itemId = newId();
    await db
      .insertInto('research_items')
      .values({
        id: itemId,
        study_id: studyId,
        wave_id: id,
        position: 0,
        code: 'toelichting',
        kind: 'text',
        prompt_nl: 'Wat doet u voor de buurt?',
        prompt_en: null,
        help_nl: null,
        help_en: null,
        options: '{}',
        required: 0,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    return { id, title, itemId };
  };
  // Inserted in reverse order: lists must order by startsOn, not by insertion.
  const w2 = await wave('Golf 2025', '2025-03-01');
  const w1 = await wave('Golf 2015', '2015-03-01');

  /** An open answer as the answering service stores it. */
  const textAnswer = async (
    w: { id: string; itemId: string },
    participantId: string,
    text: string,
  ) => {
    const id = newId();
    await db
      .insertInto('research_answers')
      .values({
        id,
        study_id: studyId,
        wave_id: w.id,
        participant_id: participantId,
        item_id: w.itemId,
        value_number: null,
        value_json: null,
        value_text_enc: encryptField(
          t().ctx.config.fieldEncryptionKeys,
          { table: 'research_answers', column: 'value_text_enc', rowId: id },
          text,
        ),
        source: 'import',
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    return id;
  };

  const auditCount = async () =>
    (
      await db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'research.encrypted_read')
        .execute()
    ).length;

  /** Identifying strings of the participants that no researcher response may contain. */
  const identities = [
    'Fenna',
    'Karim',
    'Anna',
    'Jansen',
    'anna.jansen@example.org',
    f.carrier.id,
    f.carrier2.id,
  ];

  return { ...f, studyId, SS, p1, p2, p3, w1, w2, textAnswer, auditCount, identities };
}

/** The coding tables' rows, to compare before and after a refusal. */
export const codingRows = async (t: () => TestApp) => ({
  codes: await t().ctx.db.selectFrom('research_codes').selectAll().orderBy('id').execute(),
  segments: await t().ctx.db.selectFrom('research_segments').selectAll().orderBy('id').execute(),
  memos: await t().ctx.db.selectFrom('research_memos').selectAll().orderBy('id').execute(),
});

export type CodingSetup = Awaited<ReturnType<typeof codingSetup>>;

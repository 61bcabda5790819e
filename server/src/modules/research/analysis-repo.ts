import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  ResearchAnswersTable,
  ResearchExportsTable,
  ResearchImportRunsTable,
  ResearchWavesTable,
} from '../../db/research-wave-types.ts';

// What comparison, imports and exports read and write: waves, items, answers with pseudonyms,
// participants, codes, segments with their sources, import runs and the export log. Kysely only;
// every query names the study. Nothing here selects an actor id, name or email of a participant.

export type AnalysisWave = Selectable<ResearchWavesTable>;

export const analysisWaves = (db: Db, studyId: string) =>
  db
    .selectFrom('research_waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();

export const analysisWave = (db: Db, studyId: string, waveId: string) =>
  db
    .selectFrom('research_waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', waveId)
    .executeTakeFirst();

export const analysisItems = (db: Db, studyId: string, waveId?: string) => {
  let q = db.selectFrom('research_items').selectAll().where('study_id', '=', studyId);
  if (waveId) q = q.where('wave_id', '=', waveId);
  return q.orderBy('wave_id').orderBy('position').execute();
};

/** Every answer of the study with its participant's pseudonym (text still encrypted). */
export const analysisAnswers = (db: Db, studyId: string) =>
  db
    .selectFrom('research_answers as a')
    .innerJoin('research_participants as p', 'p.id', 'a.participant_id')
    .select([
      'a.id',
      'a.wave_id',
      'a.item_id',
      'a.participant_id',
      'a.value_number',
      'a.value_json',
      'a.value_text_enc',
      'p.pseudonym',
    ])
    .where('a.study_id', '=', studyId)
    .orderBy('p.pseudonym')
    .orderBy('a.id')
    .execute();
export type AnalysisAnswer = Awaited<ReturnType<typeof analysisAnswers>>[number];

/** Participants of the study: id and pseudonym only. */
export const analysisParticipants = (db: Db, studyId: string) =>
  db
    .selectFrom('research_participants')
    .select(['id', 'pseudonym'])
    .where('study_id', '=', studyId)
    .orderBy('pseudonym')
    .execute();

export const participantsByIdentity = (db: Db, studyId: string, hashes: readonly string[]) =>
  hashes.length
    ? db
        .selectFrom('research_participants')
        .select(['id', 'pseudonym', 'identity_hash'])
        .where('study_id', '=', studyId)
        .where('identity_hash', 'in', [...hashes])
        .execute()
    : Promise.resolve([]);

export const analysisCodes = (db: Db, studyId: string) =>
  db
    .selectFrom('research_codes')
    .select(['id', 'parent_id', 'name', 'definition', 'position'])
    .where('study_id', '=', studyId)
    .orderBy('position')
    .orderBy('name')
    .execute();

/** Coded segments with the participant, wave and (encrypted) text of their source. */
export async function analysisSegments(db: Db, studyId: string) {
  const interviews = await db
    .selectFrom('research_segments as s')
    .innerJoin('research_interviews as i', 'i.id', 's.interview_id')
    .innerJoin('research_participants as p', 'p.id', 'i.participant_id')
    .select([
      's.id',
      's.code_id',
      's.start_offset',
      's.end_offset',
      'i.id as source_id',
      'i.wave_id',
      'i.participant_id',
      'i.transcript_enc as text_enc',
      'p.pseudonym',
    ])
    .where('s.study_id', '=', studyId)
    .execute();
  const answers = await db
    .selectFrom('research_segments as s')
    .innerJoin('research_answers as a', 'a.id', 's.answer_id')
    .innerJoin('research_participants as p', 'p.id', 'a.participant_id')
    .select([
      's.id',
      's.code_id',
      's.start_offset',
      's.end_offset',
      'a.id as source_id',
      'a.wave_id',
      'a.participant_id',
      'a.value_text_enc as text_enc',
      'p.pseudonym',
    ])
    .where('s.study_id', '=', studyId)
    .execute();
  return [
    ...interviews.map((r) => ({ ...r, source: 'interview' as const })),
    ...answers.map((r) => ({ ...r, source: 'answer' as const })),
  ];
}
export type AnalysisSegment = Awaited<ReturnType<typeof analysisSegments>>[number];

// ---- Imports ----

/** Removes the answers an import replaces: these participants' answers to these items. */
export async function deleteAnswersOf(
  db: Db,
  waveId: string,
  participantIds: readonly string[],
  itemIds: readonly string[],
) {
  if (!participantIds.length || !itemIds.length) return;
  await db
    .deleteFrom('research_answers')
    .where('wave_id', '=', waveId)
    .where('participant_id', 'in', [...participantIds])
    .where('item_id', 'in', [...itemIds])
    .execute();
}

export async function insertAnswers(db: Db, rows: Insertable<ResearchAnswersTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('research_answers')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function insertImportRun(db: Db, row: Insertable<ResearchImportRunsTable>) {
  await db.insertInto('research_import_runs').values(row).execute();
}

// ---- Exports ----

export async function insertExport(db: Db, row: Insertable<ResearchExportsTable>) {
  await db.insertInto('research_exports').values(row).execute();
}

export const listExports = (db: Db, studyId: string) =>
  db
    .selectFrom('research_exports as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.part',
      'e.channel',
      'e.participant_count',
      'e.excluded_count',
      'e.row_count',
      'e.created_at',
      'u.display_name',
    ])
    .where('e.study_id', '=', studyId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();

/** The workspace a study was created in (the CLI names a study by id only). */
export const studyHome = (db: Db, studyId: string) =>
  db
    .selectFrom('research_studies')
    .select(['id', 'workspace_id'])
    .where('id', '=', studyId)
    .executeTakeFirst();

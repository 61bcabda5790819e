import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  ResearchCodesTable,
  ResearchMemosTable,
  ResearchSegmentsTable,
} from '../../db/types.ts';

// The codebook, coded segments, memos and what coding reads of answers. Kysely only; every query
// names the study. Open answers and memo bodies are ciphertexts here.

export type CodeRow = Selectable<ResearchCodesTable>;
export type SegmentRow = Selectable<ResearchSegmentsTable>;
export type MemoRow = Selectable<ResearchMemosTable>;

/** Codes of the study with the number of segments coded with each (the code itself). */
export const listCodes = (db: Db, studyId: string) =>
  db
    .selectFrom('research_codes as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('research_segments as s')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .whereRef('s.code_id', '=', 'c.id')
        .as('segment_count'),
    )
    .where('c.study_id', '=', studyId)
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();

export const findCode = (db: Db, studyId: string, id: string) =>
  db
    .selectFrom('research_codes')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export type CodeListRow = Awaited<ReturnType<typeof listCodes>>[number];

export async function insertCode(db: Db, row: Insertable<ResearchCodesTable>) {
  await db.insertInto('research_codes').values(row).execute();
}

export async function updateCode(
  db: Db,
  id: string,
  set: Omit<Updateable<ResearchCodesTable>, 'id' | 'study_id'>,
) {
  await db.updateTable('research_codes').set(set).where('id', '=', id).execute();
}

export async function setPositions(
  db: Db,
  positions: readonly { id: string; position: number }[],
  updatedAt: string,
) {
  for (const p of positions)
    await db
      .updateTable('research_codes')
      .set({ position: p.position, updated_at: updatedAt })
      .where('id', '=', p.id)
      .where('position', '!=', p.position)
      .execute();
}

/** Segments coded with any of the codes. */
export async function countSegmentsOfCodes(db: Db, codeIds: readonly string[]): Promise<number> {
  if (!codeIds.length) return 0;
  const r = await db
    .selectFrom('research_segments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('code_id', 'in', [...codeIds])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes the codes and their memos (the caller made sure no segment uses them). */
export async function deleteCodes(db: Db, codeIds: readonly string[]) {
  if (!codeIds.length) return;
  await db
    .deleteFrom('research_memos')
    .where('code_id', 'in', [...codeIds])
    .execute();
  await db
    .deleteFrom('research_codes')
    .where('id', 'in', [...codeIds])
    .execute();
}

export async function insertSegment(db: Db, row: Insertable<ResearchSegmentsTable>) {
  await db.insertInto('research_segments').values(row).execute();
}

export const findSegment = (db: Db, studyId: string, id: string) =>
  db
    .selectFrom('research_segments')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function deleteSegment(db: Db, id: string) {
  await db.deleteFrom('research_memos').where('segment_id', '=', id).execute();
  await db.deleteFrom('research_segments').where('id', '=', id).execute();
}

/** Segments of the interviews or answers, with their code's name, in text order. */
export async function segmentsOf(
  db: Db,
  studyId: string,
  source: { interviewIds?: readonly string[]; answerIds?: readonly string[] },
) {
  const interviewIds = source.interviewIds ?? [];
  const answerIds = source.answerIds ?? [];
  if (!interviewIds.length && !answerIds.length) return [];
  return db
    .selectFrom('research_segments as s')
    .innerJoin('research_codes as c', 'c.id', 's.code_id')
    .selectAll('s')
    .select('c.name as code_name')
    .where('s.study_id', '=', studyId)
    .where((eb) =>
      eb.or([
        ...(interviewIds.length ? [eb('s.interview_id', 'in', [...interviewIds])] : []),
        ...(answerIds.length ? [eb('s.answer_id', 'in', [...answerIds])] : []),
      ]),
    )
    .orderBy('s.start_offset')
    .orderBy('s.end_offset')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

export type SegmentWithCode = Awaited<ReturnType<typeof segmentsOf>>[number];

/** Open (text) answers of the study, with pseudonym, wave and item. */
export async function openAnswers(
  db: Db,
  studyId: string,
  filter: { ids?: readonly string[]; waveId?: string; itemCode?: string },
) {
  let q = db
    .selectFrom('research_answers as a')
    .innerJoin('research_items as i', 'i.id', 'a.item_id')
    .innerJoin('research_waves as w', 'w.id', 'a.wave_id')
    .innerJoin('research_participants as p', 'p.id', 'a.participant_id')
    .select([
      'a.id',
      'a.value_text_enc',
      'a.wave_id',
      'a.participant_id',
      'w.title as wave_title',
      'i.code as item_code',
      'i.prompt_nl',
      'p.pseudonym',
    ])
    .where('a.study_id', '=', studyId)
    .where('i.kind', '=', 'text')
    .where('a.value_text_enc', 'is not', null);
  if (filter.ids) {
    if (!filter.ids.length) return [];
    q = q.where('a.id', 'in', [...filter.ids]);
  }
  if (filter.waveId) q = q.where('a.wave_id', '=', filter.waveId);
  if (filter.itemCode) q = q.where('i.code', '=', filter.itemCode);
  return q
    .orderBy('w.starts_on')
    .orderBy('w.id')
    .orderBy('i.position')
    .orderBy('p.pseudonym')
    .orderBy('a.id')
    .execute();
}

export type OpenAnswerRow = Awaited<ReturnType<typeof openAnswers>>[number];

/** The study's waves by start date. */
export const studyWaves = (db: Db, studyId: string) =>
  db
    .selectFrom('research_waves')
    .select(['id', 'title'])
    .where('study_id', '=', studyId)
    .orderBy('starts_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Every segment of the study with the wave and participant of its source. */
export async function codedSegments(db: Db, studyId: string) {
  const fromInterviews = await db
    .selectFrom('research_segments as s')
    .innerJoin('research_interviews as i', 'i.id', 's.interview_id')
    .select(['s.code_id', 'i.wave_id', 'i.participant_id'])
    .where('s.study_id', '=', studyId)
    .execute();
  const fromAnswers = await db
    .selectFrom('research_segments as s')
    .innerJoin('research_answers as a', 'a.id', 's.answer_id')
    .select(['s.code_id', 'a.wave_id', 'a.participant_id'])
    .where('s.study_id', '=', studyId)
    .execute();
  return [...fromInterviews, ...fromAnswers].map((r) => ({
    codeId: r.code_id,
    waveId: r.wave_id as string | null,
    participantId: r.participant_id,
  }));
}

export async function insertMemo(db: Db, row: Insertable<ResearchMemosTable>) {
  await db.insertInto('research_memos').values(row).execute();
}

export async function updateMemo(
  db: Db,
  id: string,
  set: Pick<Updateable<ResearchMemosTable>, 'title' | 'body_enc' | 'updated_at'>,
) {
  await db.updateTable('research_memos').set(set).where('id', '=', id).execute();
}

export async function deleteMemo(db: Db, id: string) {
  await db.deleteFrom('research_memos').where('id', '=', id).execute();
}

/** Memos of the study with their author's name, newest first. */
export async function listMemos(
  db: Db,
  studyId: string,
  filter: { id?: string; codeId?: string; interviewId?: string },
) {
  let q = db
    .selectFrom('research_memos as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .selectAll('m')
    .select('u.display_name as author_name')
    .where('m.study_id', '=', studyId);
  if (filter.id) q = q.where('m.id', '=', filter.id);
  if (filter.codeId) q = q.where('m.code_id', '=', filter.codeId);
  if (filter.interviewId) q = q.where('m.interview_id', '=', filter.interviewId);
  return q.orderBy('m.created_at', 'desc').orderBy('m.id').execute();
}

export type MemoListRow = Awaited<ReturnType<typeof listMemos>>[number];

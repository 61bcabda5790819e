import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { ResearchAttachmentsTable, ResearchInterviewsTable } from '../../db/types.ts';

// Interviews and their attachments. Kysely only; every query names the study. The transcript and
// attachment contents are ciphertexts here: services decrypt (and audit) what they return.

export type InterviewRow = Selectable<ResearchInterviewsTable>;
export type AttachmentRow = Selectable<ResearchAttachmentsTable>;
/** Where an interview's transcript ciphertext lives (its field-encryption address). */
export const transcriptAt = (id: string) => ({
  table: 'research_interviews',
  column: 'transcript_enc',
  rowId: id,
});

export type InterviewSet = Omit<
  Updateable<ResearchInterviewsTable>,
  'id' | 'study_id' | 'participant_id' | 'created_at' | 'created_by'
>;

/** A wave of the study (interviews may be tied to one). */
export const waveOf = (db: Db, studyId: string, waveId: string) =>
  db
    .selectFrom('research_waves')
    .select(['id', 'title', 'starts_on'])
    .where('study_id', '=', studyId)
    .where('id', '=', waveId)
    .executeTakeFirst();

export async function insertInterview(db: Db, row: Insertable<ResearchInterviewsTable>) {
  await db.insertInto('research_interviews').values(row).execute();
}

export async function updateInterview(db: Db, id: string, set: InterviewSet) {
  await db.updateTable('research_interviews').set(set).where('id', '=', id).execute();
}

/** Deletes the interview with its segments (and their memos), memos and attachments. */
export async function deleteInterview(db: Db, id: string) {
  const segments = db.selectFrom('research_segments').select('id').where('interview_id', '=', id);
  await db
    .deleteFrom('research_memos')
    .where((eb) => eb.or([eb('interview_id', '=', id), eb('segment_id', 'in', segments)]))
    .execute();
  await db.deleteFrom('research_segments').where('interview_id', '=', id).execute();
  await db.deleteFrom('research_attachments').where('interview_id', '=', id).execute();
  await db.deleteFrom('research_interviews').where('id', '=', id).execute();
}

/** The interview row itself (with its encrypted transcript). */
export const findInterview = (db: Db, studyId: string, id: string) =>
  db
    .selectFrom('research_interviews')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Summaries (no transcript): pseudonym, interviewer's name, attachment and segment counts. */
export async function listInterviewSummaries(
  db: Db,
  studyId: string,
  filter: { ids?: readonly string[]; waveId?: string; participantId?: string },
) {
  let q = db
    .selectFrom('research_interviews as i')
    .innerJoin('research_participants as p', 'p.id', 'i.participant_id')
    .leftJoin('users as u', 'u.id', 'i.interviewer_id')
    .select((eb) => [
      'i.id',
      'i.title',
      'i.held_on',
      'i.wave_id',
      'i.participant_id',
      'i.transcript_format',
      'i.created_at',
      'i.updated_at',
      'p.pseudonym',
      'u.display_name as interviewer_name',
      eb
        .selectFrom('research_attachments as a')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .whereRef('a.interview_id', '=', 'i.id')
        .as('attachment_count'),
      eb
        .selectFrom('research_segments as s')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .whereRef('s.interview_id', '=', 'i.id')
        .as('segment_count'),
    ])
    .where('i.study_id', '=', studyId);
  if (filter.ids) {
    if (!filter.ids.length) return [];
    q = q.where('i.id', 'in', [...filter.ids]);
  }
  if (filter.waveId) q = q.where('i.wave_id', '=', filter.waveId);
  if (filter.participantId) q = q.where('i.participant_id', '=', filter.participantId);
  return q.orderBy('i.held_on', 'desc').orderBy('i.created_at', 'desc').orderBy('i.id').execute();
}

export type InterviewSummaryRow = Awaited<ReturnType<typeof listInterviewSummaries>>[number];

export async function countInterviewSegments(db: Db, interviewId: string): Promise<number> {
  const r = await db
    .selectFrom('research_segments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('interview_id', '=', interviewId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAttachment(db: Db, row: Insertable<ResearchAttachmentsTable>) {
  await db.insertInto('research_attachments').values(row).execute();
}

/** Attachments of an interview without their contents, oldest first. */
export const listAttachments = (db: Db, interviewId: string) =>
  db
    .selectFrom('research_attachments')
    .select(['id', 'filename_enc', 'media_type', 'size_bytes', 'created_at'])
    .where('interview_id', '=', interviewId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findAttachment = (db: Db, interviewId: string, id: string) =>
  db
    .selectFrom('research_attachments')
    .selectAll()
    .where('interview_id', '=', interviewId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function deleteAttachment(db: Db, id: string) {
  await db.deleteFrom('research_attachments').where('id', '=', id).execute();
}

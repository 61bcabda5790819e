import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptField, encryptField } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import { badRequest, conflict, fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { teamStudy } from './access.ts';
import { segmentsOf } from './coding-repo.ts';
import { assertMayCollect } from './consent-service.ts';
import { isRecording } from './recording.ts';
import {
  countInterviewSegments,
  deleteAttachment,
  deleteInterview,
  findAttachment,
  findInterview,
  insertAttachment,
  insertInterview,
  listAttachments,
  listInterviewSummaries,
  transcriptAt,
  updateInterview,
  waveOf,
  type InterviewRow,
  type InterviewSet,
  type InterviewSummaryRow,
} from './interview-repo.ts';
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentOut,
  type AttachmentUpload,
  type InterviewCreate,
  type InterviewDetail,
  type InterviewSummary,
  type InterviewUpdate,
  type TranscriptUpload,
} from './interview-schema.ts';
import { findParticipant } from './participant-repo.ts';
import { auditRead, segmentOut } from './segment-service.ts';
import { normaliseText, TranscriptError, transcriptText } from './transcript-import.ts';

// Interviews with a participant: held on a date, by the caller, optionally in a wave; a transcript
// (typed, or imported from .txt/.md/.docx) and attachments, all field-encrypted. New data needs
// current participation consent (audio and video: recording consent too). Every read that
// decrypts is an audit event in the transaction that decrypts.

const attachmentAt = (id: string, column: 'filename_enc' | 'content_enc') => ({
  table: 'research_attachments',
  column,
  rowId: id,
});

const summaryOut = (r: InterviewSummaryRow): InterviewSummary => ({
  id: r.id,
  title: r.title,
  heldOn: r.held_on,
  waveId: r.wave_id,
  participantId: r.participant_id,
  pseudonym: r.pseudonym,
  interviewerName: r.interviewer_name ?? null,
  transcriptFormat: r.transcript_format,
  hasTranscript: r.transcript_format !== null,
  attachmentCount: Number(r.attachment_count ?? 0),
  segmentCount: Number(r.segment_count ?? 0),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

async function summary(db: Db, studyId: string, id: string): Promise<InterviewSummary> {
  const [row] = await listInterviewSummaries(db, studyId, { ids: [id] });
  if (!row) throw notFound('No such interview in this study.');
  return summaryOut(row);
}

/** The interview of the study, or 404. */
export async function interviewOf(db: Db, studyId: string, id: string): Promise<InterviewRow> {
  const row = await findInterview(db, studyId, id);
  if (!row) throw notFound('No such interview in this study.');
  return row;
}

async function waveErrors(db: Db, studyId: string, waveId: string | null | undefined) {
  return waveId && !(await waveOf(db, studyId, waveId))
    ? [fieldError('/waveId', 'unknown_wave', 'No such wave in this study.')]
    : [];
}

export async function getInterviews(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  filter: { waveId?: string | undefined; participantId?: string | undefined },
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const rows = await listInterviewSummaries(ctx.db, studyId, {
    ...(filter.waveId ? { waveId: filter.waveId } : {}),
    ...(filter.participantId ? { participantId: filter.participantId } : {}),
  });
  return { items: rows.map(summaryOut) };
}

export async function createInterview(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: InterviewCreate,
): Promise<InterviewSummary> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    if (!(await findParticipant(trx, studyId, input.participantId)))
      errors.push(
        fieldError('/participantId', 'unknown_participant', 'No such participant in this study.'),
      );
    errors.push(...(await waveErrors(trx, studyId, input.waveId)));
    if (errors.length) throw invalid(errors);
    await assertMayCollect(trx, studyId, input.participantId, 'participation');
    const id = newId();
    const now = nowIso(ctx);
    const transcript = input.transcript ? normaliseText(input.transcript) : '';
    await insertInterview(trx, {
      id,
      study_id: studyId,
      wave_id: input.waveId ?? null,
      participant_id: input.participantId,
      held_on: input.heldOn,
      interviewer_id: userIdOf(actor),
      title: input.title,
      transcript_enc: transcript
        ? encryptField(ctx.config.fieldEncryptionKeys, transcriptAt(id), transcript)
        : null,
      transcript_format: transcript ? (input.transcriptFormat ?? 'txt') : null,
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    return summary(trx, studyId, id);
  });
}

/** The interview with its transcript, attachments and segments: an audited read. */
export async function getInterview(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
): Promise<InterviewDetail> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await interviewOf(trx, studyId, id);
    const keys = ctx.config.fieldEncryptionKeys;
    const attachments = await listAttachments(trx, id);
    if (row.transcript_enc !== null || attachments.length)
      await auditRead(ctx, actor, workspaceId, { type: 'research_interview', id }, trx);
    const transcript =
      row.transcript_enc === null ? null : decryptField(keys, transcriptAt(id), row.transcript_enc);
    const segments = await segmentsOf(trx, studyId, { interviewIds: [id] });
    return {
      ...(await summary(trx, studyId, id)),
      transcript,
      attachments: attachments.map((a) => ({
        id: a.id,
        filename: decryptField(keys, attachmentAt(a.id, 'filename_enc'), a.filename_enc),
        mediaType: a.media_type,
        sizeBytes: a.size_bytes,
        createdAt: a.created_at,
      })),
      segments: segments.map((s) => segmentOut(s, transcript ?? '')),
    };
  });
}

export async function changeInterview(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
  input: InterviewUpdate,
): Promise<InterviewSummary> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  if (input.title === undefined && input.heldOn === undefined && input.waveId === undefined)
    throw nothingToChange();
  return ctx.db.transaction().execute(async (trx) => {
    await interviewOf(trx, studyId, id);
    const errors = await waveErrors(trx, studyId, input.waveId);
    if (errors.length) throw invalid(errors);
    const set: InterviewSet = { updated_at: nowIso(ctx) };
    if (input.title !== undefined) set.title = input.title;
    if (input.heldOn !== undefined) set.held_on = input.heldOn;
    if (input.waveId !== undefined) set.wave_id = input.waveId;
    await updateInterview(trx, id, set);
    return summary(trx, studyId, id);
  });
}

export async function removeInterview(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
): Promise<void> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    await interviewOf(trx, studyId, id);
    await deleteInterview(trx, id);
  });
}

const unreadable = (reason: string) =>
  badRequest('unreadable_file', `The file cannot be read: ${reason}.`, [
    fieldError('/contentBase64', 'unreadable_file', reason),
  ]);

/** Replaces the transcript by an uploaded file's text; refused once segments are coded in it. */
export async function uploadTranscript(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
  input: TranscriptUpload,
): Promise<InterviewSummary> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  let text: string;
  try {
    text = transcriptText(input.format, Buffer.from(input.contentBase64, 'base64'));
  } catch (e) {
    if (e instanceof TranscriptError) throw unreadable(e.message);
    throw e;
  }
  if (!text.trim()) throw unreadable('the file holds no text');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await interviewOf(trx, studyId, id);
    if ((await countInterviewSegments(trx, id)) > 0)
      throw conflict(
        'has_segments',
        'The transcript has coded segments; delete them before replacing the transcript.',
      );
    await assertMayCollect(trx, studyId, row.participant_id, 'participation');
    await updateInterview(trx, id, {
      transcript_enc: encryptField(ctx.config.fieldEncryptionKeys, transcriptAt(id), text),
      transcript_format: input.format,
      updated_at: nowIso(ctx),
    });
    return summary(trx, studyId, id);
  });
}

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  interviewId: string,
  input: AttachmentUpload,
): Promise<AttachmentOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0)
    throw invalid([fieldError('/contentBase64', 'empty', 'The file is empty.')]);
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw invalid([
      fieldError(
        '/contentBase64',
        'too_large',
        `The file has ${bytes.length} bytes; at most ${MAX_ATTACHMENT_BYTES} are allowed.`,
      ),
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    const interview = await interviewOf(trx, studyId, interviewId);
    await assertMayCollect(trx, studyId, interview.participant_id, 'participation');
    if (isRecording(input.mediaType, input.filename, bytes))
      await assertMayCollect(trx, studyId, interview.participant_id, 'recording');
    const id = newId();
    const keys = ctx.config.fieldEncryptionKeys;
    const now = nowIso(ctx);
    await insertAttachment(trx, {
      id,
      study_id: studyId,
      interview_id: interviewId,
      filename_enc: encryptField(keys, attachmentAt(id, 'filename_enc'), input.filename),
      media_type: input.mediaType,
      size_bytes: bytes.length,
      content_enc: encryptField(keys, attachmentAt(id, 'content_enc'), bytes.toString('base64')),
      created_by: userIdOf(actor),
      created_at: now,
    });
    await updateInterview(trx, interviewId, { updated_at: now });
    return {
      id,
      filename: input.filename,
      mediaType: input.mediaType,
      sizeBytes: bytes.length,
      createdAt: now,
    };
  });
}

/** An attachment's bytes and name: an audited read. */
export async function readAttachment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  interviewId: string,
  attachmentId: string,
): Promise<{ filename: string; mediaType: string; body: Buffer }> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    await interviewOf(trx, studyId, interviewId);
    const a = await findAttachment(trx, interviewId, attachmentId);
    if (!a) throw notFound('No such attachment of this interview.');
    await auditRead(ctx, actor, workspaceId, { type: 'research_attachment', id: a.id }, trx);
    const keys = ctx.config.fieldEncryptionKeys;
    return {
      filename: decryptField(keys, attachmentAt(a.id, 'filename_enc'), a.filename_enc),
      mediaType: a.media_type,
      body: Buffer.from(
        decryptField(keys, attachmentAt(a.id, 'content_enc'), a.content_enc),
        'base64',
      ),
    };
  });
}

export async function removeAttachment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  interviewId: string,
  attachmentId: string,
): Promise<void> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    await interviewOf(trx, studyId, interviewId);
    if (!(await findAttachment(trx, interviewId, attachmentId)))
      throw notFound('No such attachment of this interview.');
    await deleteAttachment(trx, attachmentId);
    await updateInterview(trx, interviewId, { updated_at: nowIso(ctx) });
  });
}

import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptField } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import { fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { teamStudy } from './access.ts';
import {
  deleteSegment,
  findCode,
  findSegment,
  insertSegment,
  openAnswers,
  segmentsOf,
  type OpenAnswerRow,
  type SegmentWithCode,
} from './coding-repo.ts';
import type { OpenAnswerOut, SegmentCreate, SegmentOut } from './coding-schema.ts';
import { findInterview, transcriptAt } from './interview-repo.ts';
import { assertNotWithdrawn } from './consent-service.ts';

// Coded segments: a [start, end) range of UTF-16 code units in an interview transcript or an open
// answer, coded with one code. The text is never stored twice: it is sliced from the decrypted
// source on every read, and each such read is an audit event.

/** Where an open answer's ciphertext lives (written by the wave answering service). */
export const answerTextAt = (id: string) => ({
  table: 'research_answers',
  column: 'value_text_enc',
  rowId: id,
});

export const segmentOut = (s: SegmentWithCode, source: string): SegmentOut => ({
  id: s.id,
  codeId: s.code_id,
  codeName: s.code_name,
  interviewId: s.interview_id,
  answerId: s.answer_id,
  start: s.start_offset,
  end: s.end_offset,
  text: source.slice(s.start_offset, s.end_offset),
});

export const auditRead = (
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  object: { type: string; id: string },
  db: Db,
) =>
  audit(
    ctx,
    {
      action: 'research.encrypted_read',
      result: 'ok',
      actorUserId: userIdOf(actor),
      workspaceId,
      objectType: object.type,
      objectId: object.id,
    },
    db,
  );

/** The decrypted source text a segment would be cut from, or the field errors why there is none. */
async function sourceText(
  ctx: AppContext,
  db: Db,
  studyId: string,
  input: SegmentCreate,
): Promise<{ text: string | null; participantId: string | null; errors: FieldError[] }> {
  const keys = ctx.config.fieldEncryptionKeys;
  if (input.interviewId) {
    const interview = await findInterview(db, studyId, input.interviewId);
    if (!interview)
      return {
        text: null,
        participantId: null,
        errors: [
          fieldError('/interviewId', 'unknown_interview', 'No such interview in this study.'),
        ],
      };
    if (interview.transcript_enc === null)
      return {
        text: null,
        participantId: null,
        errors: [fieldError('/interviewId', 'no_transcript', 'The interview has no transcript.')],
      };
    return {
      text: decryptField(keys, transcriptAt(interview.id), interview.transcript_enc),
      participantId: interview.participant_id,
      errors: [],
    };
  }
  const [answer] = await openAnswers(db, studyId, { ids: [input.answerId!] });
  if (!answer)
    return {
      text: null,
      participantId: null,
      errors: [
        fieldError(
          '/answerId',
          'unknown_answer',
          'No open (text) answer with this id in this study.',
        ),
      ],
    };
  return {
    text: decryptField(keys, answerTextAt(answer.id), answer.value_text_enc!),
    participantId: answer.participant_id,
    errors: [],
  };
}

export async function createSegment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: SegmentCreate,
): Promise<SegmentOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const code = await findCode(trx, studyId, input.codeId);
    if (!code) errors.push(fieldError('/codeId', 'unknown_code', 'No such code in this study.'));
    const sources = Number(input.interviewId !== undefined) + Number(input.answerId !== undefined);
    if (sources !== 1)
      errors.push(fieldError('/', 'one_source', 'Give exactly one of interviewId and answerId.'));
    if (input.start >= input.end)
      errors.push(fieldError('/end', 'end_not_after_start', 'end must be greater than start.'));
    let text: string | null = null;
    let participantId: string | null = null;
    if (sources === 1) {
      const source = await sourceText(ctx, trx, studyId, input);
      errors.push(...source.errors);
      text = source.text;
      participantId = source.participantId;
      if (text !== null && input.end > text.length)
        errors.push(
          fieldError(
            '/end',
            'out_of_range',
            `The text has ${text.length} characters; end may be at most ${text.length}.`,
          ),
        );
    }
    if (errors.length || !code || text === null) throw invalid(errors);
    // Coding is processing of the participant's words: not after a withdrawal (409).
    if (participantId) await assertNotWithdrawn(trx, studyId, participantId);
    const id = newId();
    const row = {
      id,
      study_id: studyId,
      code_id: code.id,
      interview_id: input.interviewId ?? null,
      answer_id: input.answerId ?? null,
      start_offset: input.start,
      end_offset: input.end,
      created_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertSegment(trx, row);
    await auditRead(
      ctx,
      actor,
      workspaceId,
      input.interviewId
        ? { type: 'research_interview', id: input.interviewId }
        : { type: 'research_answer', id: input.answerId! },
      trx,
    );
    return segmentOut({ ...row, code_name: code.name }, text);
  });
}

export async function removeSegment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
): Promise<void> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findSegment(trx, studyId, id))) throw notFound('No such segment in this study.');
    await deleteSegment(trx, id);
  });
}

/** Open answers (text items) with their segments, for coding: an audited read. */
export async function getOpenAnswers(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  filter: { waveId?: string | undefined; code?: string | undefined },
): Promise<{ items: OpenAnswerOut[] }> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows: OpenAnswerRow[] = await openAnswers(trx, studyId, {
      ...(filter.waveId ? { waveId: filter.waveId } : {}),
      ...(filter.code ? { itemCode: filter.code } : {}),
    });
    if (!rows.length) return { items: [] };
    await auditRead(ctx, actor, workspaceId, { type: 'research_study', id: studyId }, trx);
    const segments = await segmentsOf(trx, studyId, { answerIds: rows.map((r) => r.id) });
    const keys = ctx.config.fieldEncryptionKeys;
    return {
      items: rows.map((r) => {
        const text = decryptField(keys, answerTextAt(r.id), r.value_text_enc!);
        return {
          answerId: r.id,
          pseudonym: r.pseudonym,
          waveId: r.wave_id,
          waveTitle: r.wave_title,
          itemCode: r.item_code,
          promptNl: r.prompt_nl,
          text,
          segments: segments.filter((s) => s.answer_id === r.id).map((s) => segmentOut(s, text)),
        };
      }),
    };
  });
}

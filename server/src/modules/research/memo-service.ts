import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptField, encryptField } from '../../crypto/field-encryption.ts';
import { fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { teamStudy } from './access.ts';
import {
  deleteMemo,
  findCode,
  findSegment,
  insertMemo,
  listMemos,
  updateMemo,
  type MemoListRow,
} from './coding-repo.ts';
import type { MemoCreate, MemoOut, MemoUpdate } from './coding-schema.ts';
import { findInterview } from './interview-repo.ts';
import { auditRead } from './segment-service.ts';

// Memos: the team's analytic notes, on the study or tied to a code, an interview or a segment.
// The body is field-encrypted; listing memos decrypts and is an audited read.

const bodyAt = (id: string) => ({ table: 'research_memos', column: 'body_enc', rowId: id });

const memoOut = (m: MemoListRow, body: string): MemoOut => ({
  id: m.id,
  title: m.title,
  body,
  codeId: m.code_id,
  interviewId: m.interview_id,
  segmentId: m.segment_id,
  authorName: m.author_name ?? null,
  createdAt: m.created_at,
  updatedAt: m.updated_at,
});

export async function getMemos(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  filter: { codeId?: string | undefined; interviewId?: string | undefined },
): Promise<{ items: MemoOut[] }> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listMemos(trx, studyId, {
      ...(filter.codeId ? { codeId: filter.codeId } : {}),
      ...(filter.interviewId ? { interviewId: filter.interviewId } : {}),
    });
    if (!rows.length) return { items: [] };
    await auditRead(ctx, actor, workspaceId, { type: 'research_study', id: studyId }, trx);
    const keys = ctx.config.fieldEncryptionKeys;
    return { items: rows.map((m) => memoOut(m, decryptField(keys, bodyAt(m.id), m.body_enc))) };
  });
}

export async function createMemo(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: MemoCreate,
): Promise<MemoOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    if (input.codeId && !(await findCode(trx, studyId, input.codeId)))
      errors.push(fieldError('/codeId', 'unknown_code', 'No such code in this study.'));
    if (input.interviewId && !(await findInterview(trx, studyId, input.interviewId)))
      errors.push(
        fieldError('/interviewId', 'unknown_interview', 'No such interview in this study.'),
      );
    if (input.segmentId && !(await findSegment(trx, studyId, input.segmentId)))
      errors.push(fieldError('/segmentId', 'unknown_segment', 'No such segment in this study.'));
    if (errors.length) throw invalid(errors);
    const id = newId();
    const now = nowIso(ctx);
    await insertMemo(trx, {
      id,
      study_id: studyId,
      code_id: input.codeId ?? null,
      interview_id: input.interviewId ?? null,
      segment_id: input.segmentId ?? null,
      title: input.title,
      body_enc: encryptField(ctx.config.fieldEncryptionKeys, bodyAt(id), input.body),
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    const [row] = await listMemos(trx, studyId, { id });
    return memoOut(row!, input.body);
  });
}

export async function changeMemo(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
  input: MemoUpdate,
): Promise<MemoOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  if (input.title === undefined && input.body === undefined) throw nothingToChange();
  return ctx.db.transaction().execute(async (trx) => {
    const [before] = await listMemos(trx, studyId, { id });
    if (!before) throw notFound('No such memo in this study.');
    const keys = ctx.config.fieldEncryptionKeys;
    await updateMemo(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body_enc: encryptField(keys, bodyAt(id), input.body) } : {}),
      updated_at: nowIso(ctx),
    });
    const [row] = await listMemos(trx, studyId, { id });
    if (input.body !== undefined) return memoOut(row!, input.body);
    await auditRead(ctx, actor, workspaceId, { type: 'research_memo', id }, trx);
    return memoOut(row!, decryptField(keys, bodyAt(id), row!.body_enc));
  });
}

export async function removeMemo(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
): Promise<void> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    const [row] = await listMemos(trx, studyId, { id });
    if (!row) throw notFound('No such memo in this study.');
    await deleteMemo(trx, id);
  });
}

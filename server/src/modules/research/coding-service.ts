import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { conflict, fieldError, notFound } from '../../http/problem.ts';
import {
  codeFrequencies,
  codeTreeOrder,
  placeAmongSiblings,
  subtreeOf,
  wouldCycle,
  type CodeNode,
} from '../../analytics/research/coding.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { teamStudy } from './access.ts';
import {
  codedSegments,
  countSegmentsOfCodes,
  deleteCodes,
  insertCode,
  listCodes,
  setPositions,
  studyWaves,
  updateCode,
  type CodeListRow,
} from './coding-repo.ts';
import type { CodeCreate, CodeOut, CodeUpdate, Frequencies } from './coding-schema.ts';

// The codebook: a tree of codes with definitions, sibling names unique (case-insensitive),
// positions dense among siblings. A move that would put a code under itself is refused (400); a
// code is deleted only when neither it nor a code below it has coded segments (409).

const node = (r: CodeListRow): CodeNode & { row: CodeListRow } => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  position: r.position,
  row: r,
});

const codeOut = (r: CodeListRow): CodeOut => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  definition: r.definition,
  position: r.position,
  segmentCount: Number(r.segment_count ?? 0),
});

const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

function assertUniqueName(
  rows: readonly CodeListRow[],
  parentId: string | null,
  name: string,
  self?: string,
) {
  const clash = rows.find(
    (r) => r.parent_id === parentId && r.id !== self && sameName(r.name, name),
  );
  if (clash)
    throw conflict('duplicate_name', `A code named “${clash.name}” already exists at this level.`, [
      fieldError('/name', 'duplicate_name', 'Sibling codes need different names.'),
    ]);
}

function parentErrors(rows: readonly CodeListRow[], parentId: string | null | undefined) {
  return parentId && !rows.some((r) => r.id === parentId)
    ? [fieldError('/parentId', 'unknown_code', 'No such code in this study.')]
    : [];
}

async function codeById(db: Db, studyId: string, id: string): Promise<CodeOut> {
  const row = (await listCodes(db, studyId)).find((r) => r.id === id);
  if (!row) throw notFound('No such code in this study.');
  return codeOut(row);
}

export async function getCodes(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
): Promise<{ items: CodeOut[] }> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const rows = await listCodes(ctx.db, studyId);
  return { items: codeTreeOrder(rows.map(node)).map(({ code }) => codeOut(code.row)) };
}

export async function createCode(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: CodeCreate,
): Promise<CodeOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCodes(trx, studyId);
    const errors = parentErrors(rows, input.parentId);
    if (errors.length) throw invalid(errors);
    const parentId = input.parentId ?? null;
    assertUniqueName(rows, parentId, input.name);
    const siblings = rows.filter((r) => r.parent_id === parentId);
    const id = newId();
    const now = nowIso(ctx);
    await insertCode(trx, {
      id,
      study_id: studyId,
      parent_id: parentId,
      name: input.name,
      definition: input.definition || null,
      position: siblings.reduce((max, s) => Math.max(max, s.position + 1), 0),
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    return codeById(trx, studyId, id);
  });
}

export async function changeCode(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
  input: CodeUpdate,
): Promise<CodeOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCodes(trx, studyId);
    const code = rows.find((r) => r.id === id);
    if (!code) throw notFound('No such code in this study.');
    const errors = parentErrors(rows, input.parentId);
    const parentId = input.parentId === undefined ? code.parent_id : input.parentId;
    if (!errors.length && wouldCycle(rows.map(node), id, parentId))
      errors.push(
        fieldError('/parentId', 'cycle', 'A code cannot be moved under itself or a code below it.'),
      );
    if (errors.length) throw invalid(errors);
    assertUniqueName(rows, parentId, input.name ?? code.name, id);
    const now = nowIso(ctx);
    await updateCode(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.definition !== undefined ? { definition: input.definition || null } : {}),
      parent_id: parentId,
      updated_at: now,
    });
    const moved = parentId !== code.parent_id;
    if (moved || input.position !== undefined) {
      const siblings = rows.filter((r) => r.parent_id === parentId).map(node);
      const place = input.position ?? (moved ? null : code.position);
      await setPositions(trx, placeAmongSiblings(siblings, id, place), now);
    }
    return codeById(trx, studyId, id);
  });
}

export async function removeCode(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
): Promise<void> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await listCodes(trx, studyId);
    if (!rows.some((r) => r.id === id)) throw notFound('No such code in this study.');
    const ids = [...subtreeOf(rows.map(node), id)];
    if ((await countSegmentsOfCodes(trx, ids)) > 0)
      throw conflict(
        'has_segments',
        'This code or a code below it has coded segments; remove or recode them first.',
      );
    await deleteCodes(trx, ids);
  });
}

/** Segments and distinct participants per code and wave. */
export async function getCodeFrequencies(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
): Promise<Frequencies> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const [waves, codes, segments] = await Promise.all([
    studyWaves(ctx.db, studyId),
    listCodes(ctx.db, studyId),
    codedSegments(ctx.db, studyId),
  ]);
  const { columns, rows } = codeFrequencies(
    codes.map(node),
    waves.map((w) => w.id),
    segments,
  );
  const titles = new Map(waves.map((w) => [w.id, w.title]));
  return {
    waves: columns.map((id) => ({ id, title: id === null ? 'Zonder golf' : titles.get(id)! })),
    rows: rows.map((r) => ({
      codeId: r.code.id,
      name: r.code.name,
      depth: r.depth,
      counts: r.counts,
    })),
  };
}

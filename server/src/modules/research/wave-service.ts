import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ItemOptions } from '../../db/research-wave-types.ts';
import { conflict, fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { teamStudy } from './access.ts';
import { checkItem } from './item-rules.ts';
import {
  deleteItem,
  findWave,
  insertItems,
  insertWave,
  listItems,
  listWaves,
  updateItem,
  updateWave,
  waveCounts,
  type ItemRow,
  type WaveRow,
} from './wave-repo.ts';
import type {
  ItemCreate,
  ItemOut,
  ItemUpdate,
  WaveCreate,
  WaveDetail,
  WaveOut,
  WaveUpdate,
} from './wave-schema.ts';

// Waves (meetgolven) and their questionnaires, for the study's team. A wave is a draft while its
// items are built, open while links are answered, then closed; an import wave (an earlier wave
// from a file) never opens. Items change only while the wave is a draft, and copying the items
// of another wave keeps their codes: that is what makes waves comparable.

export const itemOut = (r: ItemRow): ItemOut => ({
  id: r.id,
  position: Number(r.position),
  code: r.code,
  kind: r.kind,
  promptNl: r.prompt_nl,
  promptEn: r.prompt_en,
  helpNl: r.help_nl,
  helpEn: r.help_en,
  required: Number(r.required) === 1,
  options: JSON.parse(r.options) as ItemOptions as ItemOut['options'],
});

async function waveDtos(db: Db, rows: WaveRow[]): Promise<WaveOut[]> {
  const counts = await waveCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const c = counts.get(r.id)!;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      source: r.source,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      itemCount: c.items,
      invitedCount: c.invited,
      startedCount: c.started,
      submittedCount: c.submitted,
      respondentCount: c.respondents,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** The wave of the study, or 404. */
export async function waveOf(db: Db, studyId: string, waveId: string): Promise<WaveRow> {
  const w = await findWave(db, studyId, waveId);
  if (!w) throw notFound('No such wave in this study.');
  return w;
}

const dateErrors = (startsOn: string, endsOn: string | null): FieldError[] =>
  endsOn !== null && endsOn < startsOn
    ? [fieldError('/endsOn', 'before_start', 'The wave cannot end before it starts.')]
    : [];

export async function getWaves(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return { items: await waveDtos(ctx.db, await listWaves(ctx.db, studyId)) };
}

export async function getWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
): Promise<WaveDetail> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const w = await waveOf(ctx.db, studyId, waveId);
  const [dto] = await waveDtos(ctx.db, [w]);
  return { ...dto!, items: (await listItems(ctx.db, waveId)).map(itemOut) };
}

export async function createWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: WaveCreate,
): Promise<WaveOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const errors = dateErrors(input.startsOn, input.endsOn ?? null);
  if (errors.length) throw invalid(errors);
  const now = nowIso(ctx);
  const row: WaveRow = {
    id: newId(),
    study_id: studyId,
    title: input.title,
    description: input.description ?? null,
    status: 'draft',
    source: input.source ?? 'platform',
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    created_by: userIdOf(actor),
    created_at: now,
    updated_at: now,
  };
  await insertWave(ctx.db, row);
  return (await waveDtos(ctx.db, [row]))[0]!;
}

export async function changeWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  input: WaveUpdate,
): Promise<WaveOut> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const w = await waveOf(ctx.db, studyId, waveId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const startsOn = input.startsOn ?? w.starts_on;
  const endsOn = input.endsOn === undefined ? w.ends_on : input.endsOn;
  const errors = dateErrors(startsOn, endsOn);
  if (errors.length) throw invalid(errors);
  await updateWave(ctx.db, studyId, waveId, {
    title: input.title ?? w.title,
    description: input.description === undefined ? w.description : input.description,
    starts_on: startsOn,
    ends_on: endsOn,
    updated_at: nowIso(ctx),
  });
  return (await waveDtos(ctx.db, [await waveOf(ctx.db, studyId, waveId)]))[0]!;
}

const wrongStatus = (detail: string) => conflict('wrong_status', detail);

/** Opens a draft platform wave that has items: invitations may then be sent. */
export async function openWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const w = await waveOf(ctx.db, studyId, waveId);
  if (w.source === 'import')
    throw wrongStatus('An import wave is filled from a file; it does not open for answers.');
  if (w.status !== 'draft') throw wrongStatus(`A ${w.status} wave cannot be opened.`);
  if (!(await listItems(ctx.db, waveId)).length)
    throw conflict('no_items', 'Add at least one item before opening the wave.');
  if (
    !(await updateWave(
      ctx.db,
      studyId,
      waveId,
      { status: 'open', updated_at: nowIso(ctx) },
      'draft',
    ))
  )
    throw wrongStatus('The wave is no longer a draft.');
  return (await waveDtos(ctx.db, [await waveOf(ctx.db, studyId, waveId)]))[0]!;
}

/** Closes an open wave (links stop working), or a draft import wave once it is loaded. */
export async function closeWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const w = await waveOf(ctx.db, studyId, waveId);
  const from = w.status === 'open' || (w.status === 'draft' && w.source === 'import');
  if (!from) throw wrongStatus(`A ${w.status} ${w.source} wave cannot be closed.`);
  if (
    !(await updateWave(
      ctx.db,
      studyId,
      waveId,
      { status: 'closed', updated_at: nowIso(ctx) },
      w.status,
    ))
  )
    throw wrongStatus('The wave changed meanwhile; try again.');
  return (await waveDtos(ctx.db, [await waveOf(ctx.db, studyId, waveId)]))[0]!;
}

// ---- Items ----

/** The draft wave whose items the team changes; 409 once it is open or closed. */
async function draftWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const w = await waveOf(ctx.db, studyId, waveId);
  if (w.status !== 'draft')
    throw conflict('wave_not_draft', 'Items change only while the wave is a draft.');
  return w;
}

const duplicateCode = (code: string) =>
  conflict('duplicate_code', `The wave already has an item with code "${code}".`, [
    fieldError('/code', 'duplicate_code', 'Item codes are unique within a wave.'),
  ]);

export async function addItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  input: ItemCreate,
): Promise<ItemOut> {
  await draftWave(ctx, actor, workspaceId, studyId, waveId);
  const { errors, options } = checkItem(input);
  if (errors.length) throw invalid(errors);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const items = await listItems(trx, waveId);
    if (items.some((i) => i.code === input.code)) throw duplicateCode(input.code);
    const row: ItemRow = {
      id: newId(),
      study_id: studyId,
      wave_id: waveId,
      position: items.reduce((m, i) => Math.max(m, Number(i.position)), -1) + 1,
      code: input.code,
      kind: input.kind,
      prompt_nl: input.promptNl,
      prompt_en: input.promptEn ?? null,
      help_nl: input.helpNl || null,
      help_en: input.helpEn || null,
      options: JSON.stringify(options),
      required: input.required ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await insertItems(trx, [row]);
    return itemOut(row);
  });
}

async function itemOf(db: Db, waveId: string, itemId: string) {
  const item = (await listItems(db, waveId)).find((i) => i.id === itemId);
  if (!item) throw notFound('No such item in this wave.');
  return item;
}

export async function changeItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  itemId: string,
  input: ItemUpdate,
): Promise<ItemOut> {
  await draftWave(ctx, actor, workspaceId, studyId, waveId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  return ctx.db.transaction().execute(async (trx) => {
    const items = await listItems(trx, waveId);
    const old = items.find((i) => i.id === itemId);
    if (!old) throw notFound('No such item in this wave.');
    const merged = {
      code: input.code ?? old.code,
      kind: input.kind ?? old.kind,
      options: input.options ?? (JSON.parse(old.options) as ItemOptions),
    };
    const { errors, options } = checkItem(merged);
    if (errors.length) throw invalid(errors);
    if (items.some((i) => i.id !== itemId && i.code === merged.code))
      throw duplicateCode(merged.code);
    const keep = <T>(v: T | undefined, was: T) => (v === undefined ? was : v);
    const set = {
      code: merged.code,
      kind: merged.kind,
      prompt_nl: input.promptNl ?? old.prompt_nl,
      prompt_en: keep(input.promptEn, old.prompt_en),
      help_nl: keep(input.helpNl, old.help_nl) || null,
      help_en: keep(input.helpEn, old.help_en) || null,
      required: input.required === undefined ? Number(old.required) : input.required ? 1 : 0,
      options: JSON.stringify(options),
      updated_at: nowIso(ctx),
    };
    await updateItem(trx, waveId, itemId, set);
    return itemOut({ ...old, ...set });
  });
}

/** Positions 0..n-1 in the given order (only rows whose position changes are written). */
async function renumber(db: Db, waveId: string, ordered: ItemRow[], now: string) {
  for (const [i, item] of ordered.entries())
    if (Number(item.position) !== i)
      await updateItem(db, waveId, item.id, { position: i, updated_at: now });
}

export async function removeItem(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  itemId: string,
) {
  await draftWave(ctx, actor, workspaceId, studyId, waveId);
  await ctx.db.transaction().execute(async (trx) => {
    await itemOf(trx, waveId, itemId);
    await deleteItem(trx, waveId, itemId);
    await renumber(trx, waveId, await listItems(trx, waveId), nowIso(ctx));
  });
}

export async function orderItems(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  itemIds: string[],
) {
  await draftWave(ctx, actor, workspaceId, studyId, waveId);
  const items = await ctx.db.transaction().execute(async (trx) => {
    const items = await listItems(trx, waveId);
    const byId = new Map(items.map((i) => [i.id, i]));
    const unique = new Set(itemIds);
    if (
      unique.size !== itemIds.length ||
      itemIds.length !== items.length ||
      itemIds.some((id) => !byId.has(id))
    )
      throw invalid([
        fieldError('/itemIds', 'not_a_permutation', 'List every item of the wave exactly once.'),
      ]);
    const ordered = itemIds.map((id) => byId.get(id)!);
    await renumber(trx, waveId, ordered, nowIso(ctx));
    return listItems(trx, waveId);
  });
  return { items: items.map(itemOut) };
}

/** Copies every item of another wave of the study (same codes) into a draft wave with none. */
export async function copyItems(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  fromWaveId: string,
) {
  await draftWave(ctx, actor, workspaceId, studyId, waveId);
  const from = await findWave(ctx.db, studyId, fromWaveId);
  if (!from || fromWaveId === waveId)
    throw invalid([fieldError('/fromWaveId', 'unknown_wave', 'Another wave of this study.')]);
  const now = nowIso(ctx);
  const items = await ctx.db.transaction().execute(async (trx) => {
    if ((await listItems(trx, waveId)).length)
      throw conflict('wave_has_items', 'Copy items only into a wave without items.');
    const source = await listItems(trx, fromWaveId);
    await insertItems(
      trx,
      source.map((i) => ({ ...i, id: newId(), wave_id: waveId, created_at: now, updated_at: now })),
    );
    return listItems(trx, waveId);
  });
  return { items: items.map(itemOut) };
}

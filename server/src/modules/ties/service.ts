import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { invalid, nothingToChange, seesActor, userIdOf } from '../activities/checks.ts';
import { actorsByIds, findActor } from '../activities/refs-repo.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { bumpDirectoryVersion } from '../records/version.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { mayWriteTie, tieErrors, type TieFacts } from './checks.ts';
import {
  actorNames,
  deleteTie,
  findTie,
  insertTies,
  listTies,
  updateTie,
  type ActorViewer,
  type NewTie,
  type TieRow,
  type TieSet,
} from './repo.ts';
import type { EgoQuery, Tie, TieCreate, TieListQuery, TieUpdate } from './schema.ts';

// Ties (relaties) between actors. Every member sees the ties whose two actors they may see;
// coordinators and admins record, change and delete any tie, and a carrier those of their own
// linked record (the pattern of support needs). Everything is checked before anything is
// written, in one transaction.

/** Who sees which actors, for list queries. */
export function actorViewer(actor: Actor, workspaceId: string): ActorViewer {
  const viewer = viewerOf(actor, workspaceId);
  return { levels: visibleLevels(viewer), userId: viewer.seesPrivate ? null : viewer.userId };
}

export async function tieDtos(
  db: Db,
  actor: Actor,
  workspaceId: string,
  rows: readonly TieRow[],
): Promise<Tie[]> {
  const ends = rows.flatMap((r) => [r.from_actor_id, r.to_actor_id]);
  const [names, refs] = await Promise.all([
    actorNames(db, workspaceId, ends),
    actorsByIds(db, workspaceId, ends),
  ]);
  return rows.map((r) => ({
    id: r.id,
    fromActorId: r.from_actor_id,
    fromActorName: names.get(r.from_actor_id) ?? '',
    toActorId: r.to_actor_id,
    toActorName: names.get(r.to_actor_id) ?? '',
    type: r.type,
    directed: Number(r.directed) === 1,
    intensity: r.intensity,
    startDate: r.start_date,
    endDate: r.end_date,
    source: r.source,
    surveyRoundId: r.survey_round_id,
    recordedBy: r.created_by,
    note: r.note,
    canEdit: mayWriteTie(
      actor,
      workspaceId,
      [refs.get(r.from_actor_id), refs.get(r.to_actor_id)].filter((a) => a !== undefined),
    ),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** The tie as the actor may see it (both actors visible), or 404. */
export async function viewTie(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findTie(db, workspaceId, id);
  const viewer = viewerOf(actor, workspaceId);
  const ends = row
    ? await actorsByIds(db, workspaceId, [row.from_actor_id, row.to_actor_id])
    : new Map();
  const from = row && ends.get(row.from_actor_id);
  const to = row && ends.get(row.to_actor_id);
  if (!row || !from || !to || !seesActor(viewer, from) || !seesActor(viewer, to))
    throw notFound('No such tie.');
  return { row, ends: [from, to] };
}

const one = async (ctx: AppContext, actor: Actor, workspaceId: string, row: TieRow) =>
  (await tieDtos(ctx.db, actor, workspaceId, [row]))[0]!;

const noteOf = (note: string | null | undefined) => (note ? note : null);

export async function createTie(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: TieCreate,
) {
  assertCan(actor, 'ties.self', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const facts: TieFacts = { ...input, endDate: input.endDate ?? null };
    const errors = await tieErrors(trx, actor, workspaceId, facts);
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: NewTie & TieRow = {
      id: newId(),
      workspace_id: workspaceId,
      from_actor_id: input.fromActorId,
      to_actor_id: input.toActorId,
      type: input.type,
      directed: input.directed ? 1 : 0,
      intensity: input.intensity,
      start_date: input.startDate,
      end_date: facts.endDate,
      source: 'recorded',
      survey_round_id: null,
      note: noteOf(input.note),
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    };
    await insertTies(trx, [row]);
    await bumpDirectoryVersion(trx, workspaceId); // the cached network (network/service.ts)
    return row;
  });
  return one(ctx, actor, workspaceId, row);
}

type ListFilter = Omit<TieListQuery, 'page' | 'pageSize'>;

export async function getTies(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: ListFilter,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'ties.read', workspaceId);
  const { areaId, ...rest } = q;
  const areaIds = await areaAndSubAreas(ctx.db, workspaceId, areaId);
  const { rows, total } = await listTies(
    ctx.db,
    workspaceId,
    { ...rest, areaIds, viewer: actorViewer(actor, workspaceId) },
    page.offset,
    page.limit,
  );
  return { items: await tieDtos(ctx.db, actor, workspaceId, rows), total };
}

/** The ego network of an actor: its ties to actors the caller may see; 404 for a hidden actor. */
export async function getEgoTies(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
  q: Omit<EgoQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'ties.read', workspaceId);
  const ego = await findActor(ctx.db, workspaceId, actorId);
  if (!ego || !seesActor(viewerOf(actor, workspaceId), ego)) throw notFound('No such actor.');
  return getTies(ctx, actor, workspaceId, { ...q, actorId }, page);
}

export async function getTie(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'ties.read', workspaceId);
  return one(ctx, actor, workspaceId, (await viewTie(ctx.db, actor, workspaceId, id)).row);
}

const cannotChange = () =>
  forbidden('Only coordinators, or the carrier at one end of the tie, may change or delete it.');
/** A survey tie belongs to a closed round's frozen snapshot (modules/surveys). */
const frozen = () => forbidden('A survey tie is part of a closed survey round and cannot change.');

/** Any field may change; the tie as it would become is checked as a whole. */
export async function changeTie(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: TieUpdate,
) {
  assertCan(actor, 'ties.self', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { row: current, ends } = await viewTie(trx, actor, workspaceId, id);
    if (current.source === 'survey') throw frozen();
    if (!mayWriteTie(actor, workspaceId, ends)) throw cannotChange();
    const facts: TieFacts = {
      fromActorId: input.fromActorId ?? current.from_actor_id,
      toActorId: input.toActorId ?? current.to_actor_id,
      type: input.type ?? current.type,
      directed: input.directed ?? Number(current.directed) === 1,
      startDate: input.startDate ?? current.start_date,
      endDate: input.endDate !== undefined ? input.endDate : current.end_date,
    };
    const errors = await tieErrors(trx, actor, workspaceId, facts, id);
    if (errors.length) throw invalid(errors);
    const set: TieSet = {
      from_actor_id: facts.fromActorId,
      to_actor_id: facts.toActorId,
      type: facts.type,
      directed: facts.directed ? 1 : 0,
      ...(input.intensity ? { intensity: input.intensity } : {}),
      start_date: facts.startDate,
      end_date: facts.endDate,
      ...(input.note !== undefined ? { note: noteOf(input.note) } : {}),
      updated_at: nowIso(ctx),
    };
    await updateTie(trx, workspaceId, id, set);
    await bumpDirectoryVersion(trx, workspaceId);
    return { ...current, ...set } as TieRow;
  });
  return one(ctx, actor, workspaceId, row);
}

export async function removeTie(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'ties.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const { row, ends } = await viewTie(trx, actor, workspaceId, id);
    if (row.source === 'survey') throw frozen();
    if (!mayWriteTie(actor, workspaceId, ends)) throw cannotChange();
    await deleteTie(trx, workspaceId, id);
    await bumpDirectoryVersion(trx, workspaceId);
  });
}

import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ActivitiesTable } from '../../db/types.ts';
import { fieldError, forbidden, notFound, type FieldError } from '../../http/problem.ts';
import { activityEntry } from '../records/entries.ts';
import { deleteRecordLinks, writeSearchEntry } from '../records/repo.ts';
import { viewerOf, type Viewer } from '../records/visibility.ts';
import {
  checkHours,
  checkLinks,
  checkPeriod,
  invalid,
  mayWriteFor,
  nothingToChange,
  seesActor,
  writeLinks,
} from './checks.ts';
import { findActor, linksOf, visibleInitiatives, type ActorRef, type Links } from './refs-repo.ts';
import {
  activitiesOf,
  activityRowsOfActor,
  deleteActivity,
  findActivity,
  insertActivity,
  listActivities,
  updateActivity,
  type ActivityFilter,
  type ActivityWithActor,
} from './repo.ts';
import type { ActivityCreate, ActivityDto, ActivityUpdate } from './schema.ts';

/** Activities as the API answers them: links, and the initiative's name when the viewer sees it. */
export async function activityDtos(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  rows: ActivityWithActor[],
): Promise<ActivityDto[]> {
  const links = await linksOf(
    db,
    workspaceId,
    'activity',
    rows.map((r) => r.id),
  );
  const initiatives = await visibleInitiatives(
    db,
    workspaceId,
    viewer,
    rows.map((r) => r.initiative_id),
  );
  return rows.map((r) => {
    const initiativeName = r.initiative_id ? (initiatives.get(r.initiative_id) ?? null) : null;
    return {
      id: r.id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorKind: r.actor_kind,
      initiativeId: initiativeName === null ? null : r.initiative_id,
      initiativeName,
      title: r.title,
      description: r.description,
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      ...links.get(r.id),
      startDate: r.start_date,
      endDate: r.end_date,
      hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
      visibility: r.actor_visibility,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function getActivities(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: { actorId?: string | undefined; initiativeId?: string | undefined },
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  const { rows, total } = await listActivities(
    ctx.db,
    workspaceId,
    viewer,
    { actorIds: filter.actorId ? [filter.actorId] : undefined, initiativeId: filter.initiativeId },
    page.offset,
    page.limit,
  );
  return { items: await activityDtos(ctx.db, workspaceId, viewer, rows), total };
}

/**
 * The activities the caller sees of these actors (or of an initiative), newest start first: for
 * actor pages, area overviews and exports that compose activities with other records.
 */
export async function listActivitiesForActors(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorIds: readonly string[],
  filter: Omit<ActivityFilter, 'actorIds'> = {},
): Promise<ActivityDto[]> {
  assertCan(actor, 'directory.read', workspaceId);
  if (!actorIds.length) return [];
  const viewer = viewerOf(actor, workspaceId);
  const rows = await activitiesOf(ctx.db, workspaceId, viewer, { ...filter, actorIds });
  return activityDtos(ctx.db, workspaceId, viewer, rows);
}

/** One visible activity with the caller's right to change it; 404 when the viewer can't see it. */
async function visibleActivity(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findActivity(db, workspaceId, id);
  const viewer = viewerOf(actor, workspaceId);
  if (!row || !seesActor(viewer, { visibility: row.actor_visibility, user_id: row.actor_user_id }))
    throw notFound('No such activity.');
  return { row, viewer };
}

async function detail(db: Db, actor: Actor, workspaceId: string, id: string) {
  const { row, viewer } = await visibleActivity(db, actor, workspaceId, id);
  const [dto] = await activityDtos(db, workspaceId, viewer, [row]);
  return { ...dto!, canEdit: mayWriteFor(actor, workspaceId, { user_id: row.actor_user_id }) };
}

export async function getActivity(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'directory.read', workspaceId);
  return detail(ctx.db, actor, workspaceId, id);
}

const cannotWrite = () =>
  forbidden('Only coordinators, or the carrier themselves, may change these activities.');

/** The actor an activity is for: unknown or unseen is a field error, seen but not one's own 403. */
async function targetActor(
  db: Db,
  actor: Actor,
  workspaceId: string,
  viewer: Viewer,
  actorId: string,
  errors: FieldError[],
): Promise<ActorRef | undefined> {
  const target = await findActor(db, workspaceId, actorId);
  if (!target || !seesActor(viewer, target)) {
    errors.push(fieldError('/actorId', 'unknown_actor', `No actor ${actorId} here.`));
    return undefined;
  }
  if (!mayWriteFor(actor, workspaceId, target)) throw cannotWrite();
  return target;
}

async function checkInitiative(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  initiativeId: string | null | undefined,
): Promise<FieldError[]> {
  if (!initiativeId) return [];
  const seen = await visibleInitiatives(db, workspaceId, viewer, [initiativeId]);
  return seen.has(initiativeId)
    ? []
    : [fieldError('/initiativeId', 'unknown_initiative', `No initiative ${initiativeId} here.`)];
}

async function index(db: Db, row: ActivitiesTable, target: ActorRef, links: Links) {
  await writeLinks(db, row.workspace_id, 'activity', row.id, links);
  const { entry, texts } = activityEntry(row, target);
  await writeSearchEntry(db, entry, texts);
}

export async function createActivity(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: ActivityCreate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const target = await targetActor(trx, actor, workspaceId, viewer, input.actorId, errors);
    errors.push(
      ...(await checkInitiative(trx, workspaceId, viewer, input.initiativeId)),
      ...(await checkLinks(trx, workspaceId, input)),
      ...checkPeriod(input.startDate, input.endDate, '/endDate'),
      ...checkHours(input.hoursPerWeek),
    );
    if (errors.length || !target) throw invalid(errors);
    const now = nowIso(ctx);
    const row: ActivitiesTable = {
      id: newId(),
      workspace_id: workspaceId,
      actor_id: target.id,
      initiative_id: input.initiativeId ?? null,
      title: input.title,
      description: input.description ?? null,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      hours_per_week: input.hoursPerWeek ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertActivity(trx, row);
    await index(trx, row, target, input);
    return detail(trx, actor, workspaceId, row.id);
  });
}

export async function changeActivity(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: ActivityUpdate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, viewer } = await visibleActivity(trx, actor, workspaceId, id);
    if (!mayWriteFor(actor, workspaceId, { user_id: row.actor_user_id })) throw cannotWrite();
    if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
    const errors: FieldError[] = [];
    const target =
      input.actorId === undefined || input.actorId === row.actor_id
        ? await findActor(trx, workspaceId, row.actor_id)
        : await targetActor(trx, actor, workspaceId, viewer, input.actorId, errors);
    const current = (await linksOf(trx, workspaceId, 'activity', [id])).get(id)!;
    const links: Links = {
      areaIds: input.areaIds ?? current.areaIds,
      domainIds: input.domainIds ?? current.domainIds,
      targetGroupIds: input.targetGroupIds ?? current.targetGroupIds,
    };
    const next: ActivitiesTable = {
      id: row.id,
      workspace_id: workspaceId,
      actor_id: target?.id ?? row.actor_id,
      initiative_id: input.initiativeId === undefined ? row.initiative_id : input.initiativeId,
      title: input.title ?? row.title,
      description: input.description === undefined ? row.description : input.description,
      start_date: input.startDate ?? row.start_date,
      end_date: input.endDate === undefined ? row.end_date : input.endDate,
      hours_per_week: input.hoursPerWeek === undefined ? row.hours_per_week : input.hoursPerWeek,
      created_at: row.created_at,
      updated_at: nowIso(ctx),
    };
    errors.push(
      ...(input.initiativeId !== undefined
        ? await checkInitiative(trx, workspaceId, viewer, input.initiativeId)
        : []),
      ...(await checkLinks(
        trx,
        workspaceId,
        {
          areaIds: input.areaIds,
          domainIds: input.domainIds,
          targetGroupIds: input.targetGroupIds,
        },
        new Set([...current.domainIds, ...current.targetGroupIds]),
      )),
      ...checkPeriod(next.start_date, next.end_date, '/endDate'),
      ...checkHours(input.hoursPerWeek),
    );
    if (errors.length || !target) throw invalid(errors);
    const { id: _id, workspace_id: _ws, created_at: _c, ...set } = next;
    await updateActivity(trx, workspaceId, id, set);
    await index(trx, next, target, links);
    return detail(trx, actor, workspaceId, id);
  });
}

export async function removeActivity(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<void> {
  assertCan(actor, 'directory.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await visibleActivity(trx, actor, workspaceId, id);
    if (!mayWriteFor(actor, workspaceId, { user_id: row.actor_user_id })) throw cannotWrite();
    await deleteRecordLinks(trx, workspaceId, 'activity', id);
    await deleteActivity(trx, workspaceId, id);
  });
}

/**
 * Rewrites the search entries of an actor's activities after the actor's name, visibility, kind
 * or size class changed. Call it in the same transaction as the actor's change.
 */
export async function refreshActivityEntries(
  db: Db,
  workspaceId: string,
  actor: ActorRef,
): Promise<void> {
  for (const row of await activityRowsOfActor(db, workspaceId, actor.id)) {
    const { entry, texts } = activityEntry(row, actor);
    await writeSearchEntry(db, entry, texts);
  }
}

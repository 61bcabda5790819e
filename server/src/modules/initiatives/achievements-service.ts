import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { AchievementRow, AchievementsTable } from '../../db/types.ts';
import { fieldError, forbidden, notFound, type FieldError } from '../../http/problem.ts';
import { viewerOf, type Viewer } from '../records/visibility.ts';
import { invalid, isManager, nothingToChange, seesActor } from '../activities/checks.ts';
import { actorsByIds, findActor, visibleInitiatives } from '../activities/refs-repo.ts';
import { ownAmong, seesInitiative } from './access.ts';
import {
  achievementsOf,
  creditsOf,
  deleteAchievement,
  findAchievement,
  insertAchievement,
  listAchievements,
  replaceCredits,
  updateAchievement,
  type AchievementFilter,
  type CreditRow,
} from './achievements-repo.ts';
import type {
  AchievementCreate,
  AchievementDto,
  AchievementUpdate,
} from './achievements-schema.ts';
import { findInitiative, participantsOf, type ParticipantRow } from './repo.ts';

/**
 * Results and recognitions, credited to the people (and organisations) who carried them. One is
 * seen when its initiative (if any) is seen and at least one credited actor is; only the credited
 * actors the viewer sees are named.
 */
export async function achievementDtos(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  rows: AchievementRow[],
): Promise<AchievementDto[]> {
  const credits = await creditsOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const initiatives = await visibleInitiatives(
    db,
    workspaceId,
    viewer,
    rows.map((r) => r.initiative_id),
  );
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiative_id,
    initiativeName: r.initiative_id ? (initiatives.get(r.initiative_id) ?? null) : null,
    type: r.type,
    title: r.title,
    description: r.description,
    occurredOn: r.occurred_on,
    evidence: r.evidence,
    source: r.source,
    credited: (credits.get(r.id) ?? [])
      .filter((c) => seesActor(viewer, c))
      .map((c) => ({ actorId: c.actor_id, name: c.name, kind: c.kind })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Filtering by an actor the viewer cannot see finds nothing (it would reveal their credits). */
async function filterActorSeen(db: Db, workspaceId: string, viewer: Viewer, f: AchievementFilter) {
  if (!f.actorId) return true;
  const a = await findActor(db, workspaceId, f.actorId);
  return a !== undefined && seesActor(viewer, a);
}

export async function getAchievements(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: AchievementFilter,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  if (!(await filterActorSeen(ctx.db, workspaceId, viewer, filter))) return { items: [], total: 0 };
  const { rows, total } = await listAchievements(
    ctx.db,
    workspaceId,
    viewer,
    filter,
    page.offset,
    page.limit,
  );
  return { items: await achievementDtos(ctx.db, workspaceId, viewer, rows), total };
}

/** Every achievement the caller sees of an initiative or credited to an actor. */
export async function listAchievementsFor(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: AchievementFilter,
): Promise<AchievementDto[]> {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  if (!(await filterActorSeen(ctx.db, workspaceId, viewer, filter))) return [];
  const rows = await achievementsOf(ctx.db, workspaceId, viewer, filter);
  return achievementDtos(ctx.db, workspaceId, viewer, rows);
}

/** The initiative's carriers, or an error when the viewer doesn't see the initiative. */
async function initiativeOf(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  initiativeId: string | null | undefined,
  errors: FieldError[],
): Promise<ParticipantRow[]> {
  if (!initiativeId) return [];
  const initiative = await findInitiative(db, workspaceId, initiativeId);
  const participants = initiative ? await participantsOf(db, workspaceId, [initiativeId]) : [];
  if (!initiative || !seesInitiative(viewer, initiative, participants)) {
    errors.push(
      fieldError('/initiativeId', 'unknown_initiative', `No initiative ${initiativeId}.`),
    );
    return [];
  }
  return participants;
}

/** Managers, a credited own carrier, or an own carrier who carries the initiative. */
const mayEdit = (
  actor: Actor,
  workspaceId: string,
  credited: readonly { user_id: string | null }[],
  participants: readonly ParticipantRow[],
) =>
  isManager(actor, workspaceId) ||
  ownAmong(actor, credited) ||
  ownAmong(actor, participants, 'carrier');

const cannotWrite = () =>
  forbidden(
    'Only coordinators, or a carrier credited with it or carrying its initiative, may do this.',
  );

/** Credited actors: at least one (with those kept), each known and seen. */
async function checkCredits(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  ids: readonly string[],
  kept = 0,
) {
  const errors: FieldError[] = [];
  if (!ids.length && !kept)
    errors.push(fieldError('/creditedActorIds', 'required', 'Credit at least one actor.'));
  const actors = await actorsByIds(db, workspaceId, ids);
  ids.forEach((id, i) => {
    const a = actors.get(id);
    if (!a || !seesActor(viewer, a))
      errors.push(fieldError(`/creditedActorIds/${i}`, 'unknown_actor', `No actor ${id} here.`));
  });
  const known = [...actors.values()].filter((a) => seesActor(viewer, a));
  return { errors, known };
}

async function loadVisible(db: Db, actor: Actor, workspaceId: string, id: string) {
  const viewer = viewerOf(actor, workspaceId);
  const row = await findAchievement(db, workspaceId, id);
  const credits: CreditRow[] = row ? ((await creditsOf(db, workspaceId, [id])).get(id) ?? []) : [];
  const errors: FieldError[] = [];
  const participants = await initiativeOf(db, workspaceId, viewer, row?.initiative_id, errors);
  if (!row || errors.length || !credits.some((c) => seesActor(viewer, c)))
    throw notFound('No such achievement.');
  return { row, credits, participants, viewer };
}

async function detail(db: Db, actor: Actor, workspaceId: string, id: string) {
  const { row, credits, participants, viewer } = await loadVisible(db, actor, workspaceId, id);
  const [dto] = await achievementDtos(db, workspaceId, viewer, [row]);
  return { ...dto!, canEdit: mayEdit(actor, workspaceId, credits, participants) };
}

export async function getAchievement(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'directory.read', workspaceId);
  return detail(ctx.db, actor, workspaceId, id);
}

export async function createAchievement(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: AchievementCreate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const participants = await initiativeOf(trx, workspaceId, viewer, input.initiativeId, errors);
    const credits = await checkCredits(trx, workspaceId, viewer, input.creditedActorIds);
    if (!mayEdit(actor, workspaceId, credits.known, participants)) throw cannotWrite();
    errors.push(...credits.errors);
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: AchievementsTable = {
      id: newId(),
      workspace_id: workspaceId,
      initiative_id: input.initiativeId ?? null,
      type: input.type,
      title: input.title,
      description: input.description ?? null,
      occurred_on: input.occurredOn,
      evidence: input.evidence ?? null,
      source: input.source ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertAchievement(trx, row, input.creditedActorIds);
    return detail(trx, actor, workspaceId, row.id);
  });
}

export async function changeAchievement(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: AchievementUpdate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, credits, participants, viewer } = await loadVisible(trx, actor, workspaceId, id);
    if (!mayEdit(actor, workspaceId, credits, participants)) throw cannotWrite();
    if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
    const errors: FieldError[] = [];
    const nextParticipants =
      input.initiativeId === undefined
        ? participants
        : await initiativeOf(trx, workspaceId, viewer, input.initiativeId, errors);
    // Credits the caller cannot see stay: replacing the list only touches what they see.
    const hidden = credits.filter((c) => !seesActor(viewer, c));
    const checked = input.creditedActorIds
      ? await checkCredits(trx, workspaceId, viewer, input.creditedActorIds, hidden.length)
      : undefined;
    const nextCredits = checked ? [...checked.known, ...hidden] : credits;
    if (!mayEdit(actor, workspaceId, nextCredits, nextParticipants)) throw cannotWrite();
    errors.push(...(checked?.errors ?? []));
    if (errors.length) throw invalid(errors);
    await updateAchievement(trx, workspaceId, id, {
      ...(input.initiativeId !== undefined && { initiative_id: input.initiativeId }),
      ...(input.type !== undefined && { type: input.type }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.occurredOn !== undefined && { occurred_on: input.occurredOn }),
      ...(input.evidence !== undefined && { evidence: input.evidence }),
      ...(input.source !== undefined && { source: input.source }),
      updated_at: nowIso(ctx),
    });
    if (input.creditedActorIds)
      await replaceCredits(trx, workspaceId, id, [
        ...input.creditedActorIds,
        ...hidden.map((c) => c.actor_id),
      ]);
    return detail(trx, actor, workspaceId, row.id);
  });
}

export async function removeAchievement(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<void> {
  assertCan(actor, 'directory.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const { credits, participants } = await loadVisible(trx, actor, workspaceId, id);
    if (!mayEdit(actor, workspaceId, credits, participants)) throw cannotWrite();
    await deleteAchievement(trx, workspaceId, id);
  });
}

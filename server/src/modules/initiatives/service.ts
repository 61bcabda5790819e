import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type {
  InitiativeParticipantsTable,
  InitiativeRow,
  InitiativeStatus,
  InitiativesTable,
} from '../../db/types.ts';
import { fieldError, forbidden, notFound, type FieldError } from '../../http/problem.ts';
import { initiativeEntry } from '../records/entries.ts';
import { deleteRecordLinks, writeSearchEntry } from '../records/repo.ts';
import { viewerOf, type Viewer } from '../records/visibility.ts';
import {
  checkLinks,
  checkPeriod,
  invalid,
  isManager,
  nothingToChange,
  seesActor,
  writeLinks,
} from '../activities/checks.ts';
import { actorsByIds, linksOf, type ActorRef, type Links } from '../activities/refs-repo.ts';
import { activitiesOf, detachActivities } from '../activities/repo.ts';
import { activityDtos } from '../activities/service.ts';
import { mayEditInitiative, ownAmong, seesInitiative } from './access.ts';
import { achievementsOf, detachAchievements } from './achievements-repo.ts';
import { achievementDtos } from './achievements-service.ts';
import {
  carriersOf,
  deleteInitiative,
  findInitiative,
  insertInitiative,
  listInitiatives,
  participantsOf,
  replaceParticipants,
  updateInitiative,
  type ParticipantRow,
} from './repo.ts';
import type { InitiativeCreate, InitiativeUpdate, ParticipantInput } from './schema.ts';

async function summaries(db: Db, workspaceId: string, rows: InitiativeRow[]) {
  const links = await linksOf(
    db,
    workspaceId,
    'initiative',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    visibility: r.visibility,
    areaIds: [],
    domainIds: [],
    targetGroupIds: [],
    ...links.get(r.id),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function getInitiatives(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: { status?: InitiativeStatus | undefined },
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  const { rows, total } = await listInitiatives(
    ctx.db,
    workspaceId,
    viewer,
    filter,
    page.offset,
    page.limit,
  );
  const ids = rows.map((r) => r.id);
  const [items, carriers] = await Promise.all([
    summaries(ctx.db, workspaceId, rows),
    carriersOf(ctx.db, workspaceId, ids),
  ]);
  // Carriers the viewer may not see (a private carrier, for a member) are left out, as in the detail.
  const byInitiative = new Map<string, { actorId: string; name: string }[]>(
    ids.map((id) => [id, []]),
  );
  for (const c of carriers)
    if (seesActor(viewer, c))
      byInitiative.get(c.initiative_id)?.push({ actorId: c.actor_id, name: c.name });
  return {
    items: items.map((item) => ({ ...item, carriers: byInitiative.get(item.id) ?? [] })),
    total,
  };
}

async function loadVisible(db: Db, actor: Actor, workspaceId: string, id: string) {
  const viewer = viewerOf(actor, workspaceId);
  const row = await findInitiative(db, workspaceId, id);
  const participants = row ? await participantsOf(db, workspaceId, [id]) : [];
  if (!row || !seesInitiative(viewer, row, participants)) throw notFound('No such initiative.');
  return { row, participants, viewer };
}

async function detail(db: Db, actor: Actor, workspaceId: string, id: string) {
  const { row, participants, viewer } = await loadVisible(db, actor, workspaceId, id);
  const [summary] = await summaries(db, workspaceId, [row]);
  const activities = await activitiesOf(db, workspaceId, viewer, { initiativeId: id });
  const achievements = await achievementsOf(db, workspaceId, viewer, { initiativeId: id });
  return {
    ...summary!,
    participants: participants
      .filter((p) => seesActor(viewer, p))
      .map((p) => ({
        actorId: p.actor_id,
        name: p.name,
        kind: p.kind,
        role: p.role,
        startDate: p.start_date,
        endDate: p.end_date,
      })),
    activities: await activityDtos(db, workspaceId, viewer, activities),
    achievements: await achievementDtos(db, workspaceId, viewer, achievements),
    canEdit: mayEditInitiative(actor, workspaceId, participants),
  };
}

export async function getInitiative(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'directory.read', workspaceId);
  return detail(ctx.db, actor, workspaceId, id);
}

const cannotWrite = () =>
  forbidden('Only coordinators, or a carrier of the initiative, may change it.');
const mustCarry = () =>
  forbidden('List your own carrier as a carrier of the initiative, or ask a coordinator.');

/** Participants must be actors the viewer sees, each actor once per role, periods in order. */
async function checkParticipants(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  list: readonly ParticipantInput[],
): Promise<{ errors: FieldError[]; actors: Map<string, ActorRef> }> {
  const actors = await actorsByIds(
    db,
    workspaceId,
    list.map((p) => p.actorId),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((p, i) => {
    const a = actors.get(p.actorId);
    const key = `${p.actorId} ${p.role}`;
    if (!a || !seesActor(viewer, a))
      errors.push(
        fieldError(`/participants/${i}/actorId`, 'unknown_actor', `No actor ${p.actorId} here.`),
      );
    else if (seen.has(key))
      errors.push(
        fieldError(`/participants/${i}`, 'duplicate', `${p.actorId} is listed twice as ${p.role}.`),
      );
    seen.add(key);
    errors.push(...checkPeriod(p.startDate, p.endDate, `/participants/${i}/endDate`));
  });
  return { errors, actors };
}

const participantRows = (
  workspaceId: string,
  initiativeId: string,
  list: readonly ParticipantInput[],
): InitiativeParticipantsTable[] =>
  list.map((p) => ({
    workspace_id: workspaceId,
    initiative_id: initiativeId,
    actor_id: p.actorId,
    role: p.role,
    start_date: p.startDate ?? null,
    end_date: p.endDate ?? null,
  }));

/** With the actors' links, so the rule "own carrier is a carrier" can be checked on input. */
const withUsers = (list: readonly ParticipantInput[], actors: Map<string, ActorRef>) =>
  list.map((p) => ({ role: p.role, user_id: actors.get(p.actorId)?.user_id ?? null }));

async function index(db: Db, row: InitiativesTable, links: Links) {
  await writeLinks(db, row.workspace_id, 'initiative', row.id, links);
  const { entry, texts } = initiativeEntry(row);
  await writeSearchEntry(db, entry, texts);
}

export async function createInitiative(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: InitiativeCreate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const checked = await checkParticipants(trx, workspaceId, viewer, input.participants);
    if (
      !isManager(actor, workspaceId) &&
      !ownAmong(actor, withUsers(input.participants, checked.actors), 'carrier')
    )
      throw mustCarry();
    const errors = [
      ...checked.errors,
      ...(await checkLinks(trx, workspaceId, input)),
      ...checkPeriod(input.startDate, input.endDate, '/endDate'),
    ];
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: InitiativesTable = {
      id: newId(),
      workspace_id: workspaceId,
      name: input.name,
      description: input.description ?? null,
      status: input.status,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      visibility: input.visibility ?? 'workspace',
      created_by: actor.kind === 'user' ? actor.userId : null,
      created_at: now,
      updated_at: now,
    };
    await insertInitiative(trx, row);
    await replaceParticipants(
      trx,
      workspaceId,
      row.id,
      participantRows(workspaceId, row.id, input.participants),
    );
    await index(trx, row, input);
    return detail(trx, actor, workspaceId, row.id);
  });
}

const asInput = (p: ParticipantRow): ParticipantInput => ({
  actorId: p.actor_id,
  role: p.role,
  startDate: p.start_date,
  endDate: p.end_date,
});

export async function changeInitiative(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: InitiativeUpdate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, participants, viewer } = await loadVisible(trx, actor, workspaceId, id);
    if (!mayEditInitiative(actor, workspaceId, participants)) throw cannotWrite();
    if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
    const errors: FieldError[] = [];
    let nextParticipants: ParticipantInput[] | undefined;
    if (input.participants) {
      const checked = await checkParticipants(trx, workspaceId, viewer, input.participants);
      errors.push(...checked.errors);
      // Participants the caller cannot see stay: replacing the list only touches what they see.
      const hidden = participants.filter((p) => !seesActor(viewer, p));
      nextParticipants = [...input.participants, ...hidden.map(asInput)];
      const next = [...withUsers(input.participants, checked.actors), ...hidden];
      if (!isManager(actor, workspaceId) && !ownAmong(actor, next, 'carrier')) throw mustCarry();
    }
    const current = (await linksOf(trx, workspaceId, 'initiative', [id])).get(id)!;
    const links: Links = {
      areaIds: input.areaIds ?? current.areaIds,
      domainIds: input.domainIds ?? current.domainIds,
      targetGroupIds: input.targetGroupIds ?? current.targetGroupIds,
    };
    const next: InitiativesTable = {
      ...row,
      name: input.name ?? row.name,
      description: input.description === undefined ? row.description : input.description,
      status: input.status ?? row.status,
      start_date: input.startDate === undefined ? row.start_date : input.startDate,
      end_date: input.endDate === undefined ? row.end_date : input.endDate,
      visibility: input.visibility ?? row.visibility,
      updated_at: nowIso(ctx),
    };
    errors.push(
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
    );
    if (errors.length) throw invalid(errors);
    const { id: _id, workspace_id: _ws, created_at: _c, created_by: _b, ...set } = next;
    await updateInitiative(trx, workspaceId, id, set);
    if (nextParticipants)
      await replaceParticipants(
        trx,
        workspaceId,
        id,
        participantRows(workspaceId, id, nextParticipants),
      );
    await index(trx, next, links);
    return detail(trx, actor, workspaceId, id);
  });
}

/**
 * Deletes an initiative. Its activities and its results and recognitions stay with the carriers
 * (detached from it); its participants, links and search entry go.
 */
export async function removeInitiative(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<void> {
  assertCan(actor, 'directory.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const { participants } = await loadVisible(trx, actor, workspaceId, id);
    if (!mayEditInitiative(actor, workspaceId, participants)) throw cannotWrite();
    await detachActivities(trx, workspaceId, id);
    await detachAchievements(trx, workspaceId, id);
    await deleteRecordLinks(trx, workspaceId, 'initiative', id);
    await deleteInitiative(trx, workspaceId, id);
  });
}

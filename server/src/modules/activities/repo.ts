import type { Db } from '../../db/dialect.ts';
import type { ActivitiesTable } from '../../db/types.ts';
import type { Viewer } from '../records/visibility.ts';
import { actorVisible } from './refs-repo.ts';

const CHUNK = 400;

export async function insertActivity(db: Db, row: ActivitiesTable): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<ActivitiesTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('activities')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteActivity(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('activities')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Activities with the actor fields their answers and visibility need. */
const withActor = (db: Db, workspaceId: string) =>
  db
    .selectFrom('activities')
    .innerJoin('actors', 'actors.id', 'activities.actor_id')
    .where('activities.workspace_id', '=', workspaceId);

const columns = [
  'activities.id',
  'activities.workspace_id',
  'activities.actor_id',
  'activities.initiative_id',
  'activities.title',
  'activities.description',
  'activities.start_date',
  'activities.end_date',
  'activities.hours_per_week',
  'activities.created_at',
  'activities.updated_at',
  'actors.name as actor_name',
  'actors.kind as actor_kind',
  'actors.visibility as actor_visibility',
  'actors.user_id as actor_user_id',
] as const;

export const findActivity = (db: Db, workspaceId: string, id: string) =>
  withActor(db, workspaceId).select(columns).where('activities.id', '=', id).executeTakeFirst();

export type ActivityWithActor = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

export interface ActivityFilter {
  actorIds?: readonly string[] | undefined;
  initiativeId?: string | undefined;
}

function filtered(db: Db, workspaceId: string, viewer: Viewer, filter: ActivityFilter) {
  let q = withActor(db, workspaceId);
  if (!viewer.seesPrivate) q = q.where((eb) => actorVisible(eb, viewer));
  if (filter.actorIds) q = q.where('activities.actor_id', 'in', [...filter.actorIds]);
  if (filter.initiativeId) q = q.where('activities.initiative_id', '=', filter.initiativeId);
  return q;
}

/** The page of activities the viewer sees, newest start first. */
export async function listActivities(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  filter: ActivityFilter,
  offset: number,
  limit: number,
): Promise<{ rows: ActivityWithActor[]; total: number }> {
  if (filter.actorIds && !filter.actorIds.length) return { rows: [], total: 0 };
  const base = filtered(db, workspaceId, viewer, filter);
  const [rows, total] = await Promise.all([
    base
      .select(columns)
      .orderBy('activities.start_date', 'desc')
      .orderBy('activities.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every activity the viewer sees of the actors (in chunks) or of an initiative. */
export async function activitiesOf(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  filter: ActivityFilter,
): Promise<ActivityWithActor[]> {
  const run = (f: ActivityFilter) =>
    filtered(db, workspaceId, viewer, f)
      .select(columns)
      .orderBy('activities.start_date', 'desc')
      .orderBy('activities.id')
      .execute();
  if (!filter.actorIds) return run(filter);
  const out: ActivityWithActor[] = [];
  const ids = [...new Set(filter.actorIds)];
  for (let i = 0; i < ids.length; i += CHUNK)
    out.push(...(await run({ ...filter, actorIds: ids.slice(i, i + CHUNK) })));
  return ids.length > CHUNK ? out.sort(byStartDescThenId) : out;
}

const byStartDescThenId = (a: ActivityWithActor, b: ActivityWithActor) =>
  a.start_date === b.start_date
    ? a.id < b.id
      ? -1
      : a.id > b.id
        ? 1
        : 0
    : a.start_date < b.start_date
      ? 1
      : -1;

/** All activity rows of one actor, whatever their visibility (to refresh their search entries). */
export const activityRowsOfActor = (db: Db, workspaceId: string, actorId: string) =>
  db
    .selectFrom('activities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('actor_id', '=', actorId)
    .execute();

/** Detaches the activities of an initiative that is being deleted; the carriers keep them. */
export async function detachActivities(
  db: Db,
  workspaceId: string,
  initiativeId: string,
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ initiative_id: null })
    .where('workspace_id', '=', workspaceId)
    .where('initiative_id', '=', initiativeId)
    .execute();
}

import type { Db } from '../../db/dialect.ts';
import type {
  ObstacleCategory,
  ObstacleEndorsementsTable,
  ObstacleEventsTable,
  ObstacleStatus,
  ObstaclesTable,
} from '../../db/types.ts';

// Obstacles, their area and domain links, endorsements and history. Every query filters on the
// workspace.

const CHUNK = 400;

export async function insertObstacle(db: Db, row: ObstaclesTable): Promise<void> {
  await db.insertInto('obstacles').values(row).execute();
}

export async function updateObstacle(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<ObstaclesTable, 'id' | 'workspace_id' | 'created_at' | 'reporter_user_id'>>,
): Promise<void> {
  await db
    .updateTable('obstacles')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findObstacle = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('obstacles')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function setObstacleLinks(
  db: Db,
  workspaceId: string,
  obstacleId: string,
  areaIds: readonly string[],
  domainIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('obstacle_areas')
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', obstacleId)
    .execute();
  await db
    .deleteFrom('obstacle_domains')
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', obstacleId)
    .execute();
  const unique = <T>(xs: readonly T[]) => [...new Set(xs)];
  if (areaIds.length)
    await db
      .insertInto('obstacle_areas')
      .values(
        unique(areaIds).map((area_id) => ({
          workspace_id: workspaceId,
          obstacle_id: obstacleId,
          area_id,
        })),
      )
      .execute();
  if (domainIds.length)
    await db
      .insertInto('obstacle_domains')
      .values(
        unique(domainIds).map((term_id) => ({
          workspace_id: workspaceId,
          obstacle_id: obstacleId,
          term_id,
        })),
      )
      .execute();
}

export interface ObstacleLinks {
  areaIds: string[];
  domainIds: string[];
}

/** Areas and domains of the obstacles (all of the workspace's when `ids` is undefined). */
export async function linksOfObstacles(
  db: Db,
  workspaceId: string,
  ids?: readonly string[],
): Promise<Map<string, ObstacleLinks>> {
  const out = new Map<string, ObstacleLinks>();
  const get = (id: string) => {
    let l = out.get(id);
    if (!l) out.set(id, (l = { areaIds: [], domainIds: [] }));
    return l;
  };
  const chunks = ids ? chunk(ids) : [undefined];
  for (const part of chunks) {
    if (part && part.length === 0) continue;
    let areas = db
      .selectFrom('obstacle_areas')
      .select(['obstacle_id', 'area_id'])
      .where('workspace_id', '=', workspaceId);
    let domains = db
      .selectFrom('obstacle_domains')
      .select(['obstacle_id', 'term_id'])
      .where('workspace_id', '=', workspaceId);
    if (part) {
      areas = areas.where('obstacle_id', 'in', part);
      domains = domains.where('obstacle_id', 'in', part);
    }
    for (const a of await areas.orderBy('area_id').execute())
      get(a.obstacle_id).areaIds.push(a.area_id);
    for (const d of await domains.orderBy('term_id').execute())
      get(d.obstacle_id).domainIds.push(d.term_id);
  }
  return out;
}

function chunk<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out.length ? out : [[]];
}

export interface ObstacleFilter {
  status?: ObstacleStatus | undefined;
  category?: ObstacleCategory | undefined;
  ownerId?: string | undefined;
  /** Moderators see hidden obstacles too. */
  includeHidden: boolean;
  reportedBy?: string | undefined;
  endorsedBy?: string | undefined;
  ownedBy?: string | undefined;
}

/** A page of obstacles, newest first. */
export async function listObstacles(
  db: Db,
  workspaceId: string,
  f: ObstacleFilter,
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('obstacles').where('obstacles.workspace_id', '=', workspaceId);
  if (!f.includeHidden) base = base.where('obstacles.hidden_at', 'is', null);
  if (f.status) base = base.where('obstacles.status', '=', f.status);
  if (f.category) base = base.where('obstacles.category', '=', f.category);
  if (f.ownerId) base = base.where('obstacles.owner_id', '=', f.ownerId);
  if (f.reportedBy) base = base.where('obstacles.reporter_user_id', '=', f.reportedBy);
  if (f.endorsedBy) {
    const userId = f.endorsedBy;
    base = base.where('obstacles.id', 'in', (eb) =>
      eb
        .selectFrom('obstacle_endorsements')
        .select('obstacle_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId),
    );
  }
  if (f.ownedBy) {
    const userId = f.ownedBy;
    base = base.where('obstacles.owner_id', 'in', (eb) =>
      eb
        .selectFrom('obstacle_owner_members')
        .select('owner_id')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll('obstacles')
      .orderBy('obstacles.created_at', 'desc')
      .orderBy('obstacles.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every obstacle of the workspace, optionally those created in [from, to). */
export async function allObstacles(db: Db, workspaceId: string, from?: string, to?: string) {
  let q = db.selectFrom('obstacles').selectAll().where('workspace_id', '=', workspaceId);
  if (from) q = q.where('created_at', '>=', from);
  if (to) q = q.where('created_at', '<', to);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** Endorsement counts per obstacle (all of the workspace's when `ids` is undefined). */
export async function endorsementCounts(
  db: Db,
  workspaceId: string,
  ids?: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of ids ? chunk(ids) : [undefined]) {
    if (part && part.length === 0) continue;
    let q = db
      .selectFrom('obstacle_endorsements')
      .select(['obstacle_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('workspace_id', '=', workspaceId);
    if (part) q = q.where('obstacle_id', 'in', part);
    for (const r of await q.groupBy('obstacle_id').execute()) out.set(r.obstacle_id, Number(r.n));
  }
  return out;
}

export const endorsementsOf = (db: Db, workspaceId: string, obstacleId: string) =>
  db
    .selectFrom('obstacle_endorsements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', obstacleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function insertEndorsement(db: Db, row: ObstacleEndorsementsTable): Promise<void> {
  await db.insertInto('obstacle_endorsements').values(row).execute();
}

export async function setEndorsementContext(
  db: Db,
  workspaceId: string,
  id: string,
  context: string | null,
): Promise<void> {
  await db
    .updateTable('obstacle_endorsements')
    .set({ context })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Moves a duplicate's endorsements to the obstacle it duplicates (one per person stays). */
export async function moveEndorsements(
  db: Db,
  workspaceId: string,
  fromId: string,
  intoId: string,
): Promise<void> {
  await db
    .deleteFrom('obstacle_endorsements')
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', fromId)
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('obstacle_endorsements')
        .select('user_id')
        .where('workspace_id', '=', workspaceId)
        .where('obstacle_id', '=', intoId),
    )
    .execute();
  await db
    .updateTable('obstacle_endorsements')
    .set({ obstacle_id: intoId })
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', fromId)
    .execute();
}

/** Appends to the obstacle's history (the sequence number is the next one). */
export async function insertEvent(db: Db, row: Omit<ObstacleEventsTable, 'seq'>): Promise<void> {
  const last = await db
    .selectFrom('obstacle_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('workspace_id', '=', row.workspace_id)
    .where('obstacle_id', '=', row.obstacle_id)
    .executeTakeFirst();
  await db
    .insertInto('obstacle_events')
    .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
    .execute();
}

export const eventsOf = (db: Db, workspaceId: string, obstacleId: string) =>
  db
    .selectFrom('obstacle_events')
    .select(['kind', 'status', 'note', 'actor_role', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('obstacle_id', '=', obstacleId)
    .orderBy('seq')
    .execute();

export const initiativeExists = async (db: Db, workspaceId: string, id: string) =>
  (await db
    .selectFrom('initiatives')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()) !== undefined;

/** Open, routed obstacles whose response was due before `today` (all workspaces: the job). */
export const overdueObstacles = (db: Db, today: string) =>
  db
    .selectFrom('obstacles')
    .innerJoin('workspaces', 'workspaces.id', 'obstacles.workspace_id')
    .select([
      'obstacles.id',
      'obstacles.workspace_id',
      'obstacles.title',
      'obstacles.owner_id',
      'obstacles.due_date',
      'workspaces.slug',
    ])
    .where('obstacles.due_date', '<', today)
    .where('obstacles.owner_id', 'is not', null)
    .where('obstacles.status', 'in', ['reported', 'acknowledged', 'in_progress'])
    .where('obstacles.hidden_at', 'is', null)
    .execute();

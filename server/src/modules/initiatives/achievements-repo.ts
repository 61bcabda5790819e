import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { AchievementsTable, Database } from '../../db/types.ts';
import type { Viewer } from '../records/visibility.ts';
import { actorVisible, initiativeVisible } from '../activities/refs-repo.ts';

const CHUNK = 400;

export async function insertAchievement(
  db: Db,
  row: AchievementsTable,
  creditedActorIds: readonly string[],
): Promise<void> {
  await db.insertInto('achievements').values(row).execute();
  await replaceCredits(db, row.workspace_id, row.id, creditedActorIds);
}

export async function updateAchievement(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<AchievementsTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('achievements')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function replaceCredits(
  db: Db,
  workspaceId: string,
  achievementId: string,
  actorIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('achievement_credits')
    .where('workspace_id', '=', workspaceId)
    .where('achievement_id', '=', achievementId)
    .execute();
  const unique = [...new Set(actorIds)];
  if (unique.length)
    await db
      .insertInto('achievement_credits')
      .values(
        unique.map((actor_id) => ({
          workspace_id: workspaceId,
          achievement_id: achievementId,
          actor_id,
        })),
      )
      .execute();
}

export async function deleteAchievement(db: Db, workspaceId: string, id: string): Promise<void> {
  await replaceCredits(db, workspaceId, id, []);
  await db
    .deleteFrom('achievements')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Keeps the results and recognitions of an initiative that is being deleted, without it. */
export async function detachAchievements(
  db: Db,
  workspaceId: string,
  initiativeId: string,
): Promise<void> {
  await db
    .updateTable('achievements')
    .set({ initiative_id: null })
    .where('workspace_id', '=', workspaceId)
    .where('initiative_id', '=', initiativeId)
    .execute();
}

export const findAchievement = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('achievements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * SQL twin of the achievement visibility rule: its initiative (if any) is visible, and at least one
 * credited actor is.
 */
function achievementVisible(eb: ExpressionBuilder<Database, 'achievements'>, viewer: Viewer) {
  return eb.and([
    eb.or([
      eb('achievements.initiative_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('initiatives')
          .select('initiatives.id')
          .whereRef('initiatives.id', '=', 'achievements.initiative_id')
          .where((e) => initiativeVisible(e, viewer)),
      ),
    ]),
    eb.exists(
      eb
        .selectFrom('achievement_credits as vc')
        .innerJoin('actors', 'actors.id', 'vc.actor_id')
        .select('vc.actor_id')
        .whereRef('vc.achievement_id', '=', 'achievements.id')
        .where((e) => actorVisible(e, viewer)),
    ),
  ]);
}

export interface AchievementFilter {
  initiativeId?: string | undefined;
  actorId?: string | undefined;
}

function filtered(db: Db, workspaceId: string, viewer: Viewer, filter: AchievementFilter) {
  let q = db.selectFrom('achievements').where('achievements.workspace_id', '=', workspaceId);
  if (!viewer.seesPrivate) q = q.where((eb) => achievementVisible(eb, viewer));
  if (filter.initiativeId) q = q.where('achievements.initiative_id', '=', filter.initiativeId);
  if (filter.actorId) {
    const actorId = filter.actorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('achievement_credits as fc')
          .select('fc.actor_id')
          .whereRef('fc.achievement_id', '=', 'achievements.id')
          .where('fc.actor_id', '=', actorId),
      ),
    );
  }
  return q;
}

/** The page of achievements the viewer sees, most recent first. */
export async function listAchievements(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  filter: AchievementFilter,
  offset: number,
  limit: number,
) {
  const base = filtered(db, workspaceId, viewer, filter);
  const [rows, total] = await Promise.all([
    base
      .selectAll('achievements')
      .orderBy('achievements.occurred_on', 'desc')
      .orderBy('achievements.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every achievement the viewer sees of an initiative or credited to an actor. */
export const achievementsOf = (
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  filter: AchievementFilter,
) =>
  filtered(db, workspaceId, viewer, filter)
    .selectAll('achievements')
    .orderBy('achievements.occurred_on', 'desc')
    .orderBy('achievements.id')
    .execute();

/** Credited actors per achievement, with what names, visibility and rights need. */
export async function creditsOf(db: Db, workspaceId: string, achievementIds: readonly string[]) {
  const out = new Map<string, CreditRow[]>();
  for (let i = 0; i < achievementIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('achievement_credits as c')
      .innerJoin('actors', 'actors.id', 'c.actor_id')
      .select([
        'c.achievement_id',
        'c.actor_id',
        'actors.name',
        'actors.kind',
        'actors.visibility',
        'actors.user_id',
      ])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.achievement_id', 'in', achievementIds.slice(i, i + CHUNK))
      .orderBy('actors.name')
      .orderBy('c.actor_id')
      .execute();
    for (const r of rows) out.set(r.achievement_id, [...(out.get(r.achievement_id) ?? []), r]);
  }
  return out;
}

export interface CreditRow {
  achievement_id: string;
  actor_id: string;
  name: string;
  kind: 'person' | 'organisation';
  visibility: 'private' | 'workspace' | 'public';
  user_id: string | null;
}

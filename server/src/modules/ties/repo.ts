import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { Database, TieType, TiesTable, Visibility } from '../../db/types.ts';

// Ties between actors. Kysely only; every query filters on the workspace. A tie is visible when
// the caller may see both of its actors: the filters below put the actors' visibility rules
// (records/visibility.ts) in SQL.

const CHUNK = 400;

export type TieRow = Selectable<TiesTable>;
export type NewTie = Insertable<TiesTable>;
export type TieSet = Omit<Updateable<TiesTable>, 'id' | 'workspace_id' | 'created_at'>;

export async function insertTies(db: Db, rows: readonly NewTie[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('ties')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function updateTie(db: Db, workspaceId: string, id: string, set: TieSet) {
  await db
    .updateTable('ties')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTie(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('ties')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findTie = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('ties')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Who sees which actors: these visibility levels, plus the caller's own carrier. */
export interface ActorViewer {
  levels: readonly Visibility[];
  userId: string | null;
}

export interface TieFilter {
  actorId?: string | undefined;
  type?: TieType | undefined;
  activeOn?: string | undefined;
  /** The area and its sub-areas: ties with an actor working in any of them. */
  areaIds?: readonly string[] | undefined;
  viewer: ActorViewer;
}

type TieEb = ExpressionBuilder<Database & { t: TiesTable }, 't'>;

/** Ids of the actors the viewer may see, as a subquery. */
const visibleActors = (eb: TieEb, workspaceId: string, v: ActorViewer) =>
  eb
    .selectFrom('actors as va')
    .select('va.id')
    .where('va.workspace_id', '=', workspaceId)
    .where((w) =>
      v.userId
        ? w.or([w('va.visibility', 'in', [...v.levels]), w('va.user_id', '=', v.userId)])
        : w('va.visibility', 'in', [...v.levels]),
    );

function tieQuery(db: Db, workspaceId: string, f: TieFilter) {
  let q = db
    .selectFrom('ties as t')
    .where('t.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.and([
        eb('t.from_actor_id', 'in', visibleActors(eb, workspaceId, f.viewer)),
        eb('t.to_actor_id', 'in', visibleActors(eb, workspaceId, f.viewer)),
      ]),
    );
  if (f.actorId) {
    const id = f.actorId;
    q = q.where((eb) => eb.or([eb('t.from_actor_id', '=', id), eb('t.to_actor_id', '=', id)]));
  }
  if (f.type) q = q.where('t.type', '=', f.type);
  if (f.activeOn) {
    const day = f.activeOn;
    q = q
      .where('t.start_date', '<=', day)
      .where((eb) => eb.or([eb('t.end_date', 'is', null), eb('t.end_date', '>=', day)]));
  }
  if (f.areaIds) {
    const areaIds = f.areaIds.length ? [...f.areaIds] : ['-'];
    q = q.where((eb) => {
      const inArea = eb
        .selectFrom('record_areas')
        .select('record_id')
        .where('workspace_id', '=', workspaceId)
        .where('record_type', '=', 'actor')
        .where('area_id', 'in', areaIds);
      return eb.or([eb('t.from_actor_id', 'in', inArea), eb('t.to_actor_id', 'in', inArea)]);
    });
  }
  return q;
}

/** A page of ties, newest first. */
export async function listTies(
  db: Db,
  workspaceId: string,
  f: TieFilter,
  offset: number,
  limit: number,
) {
  const base = tieQuery(db, workspaceId, f);
  const [rows, total] = await Promise.all([
    base
      .selectAll('t')
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every tie of the filter (matching's trust), oldest first. */
export const allTies = (db: Db, workspaceId: string, f: TieFilter) =>
  tieQuery(db, workspaceId, f).selectAll('t').orderBy('t.created_at').orderBy('t.id').execute();

/** Ties of the same type between the same two actors (either order), for the duplicate check. */
export const tiesBetween = (db: Db, workspaceId: string, a: string, b: string, type: TieType) =>
  db
    .selectFrom('ties')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .where((eb) =>
      eb.or([
        eb.and([eb('from_actor_id', '=', a), eb('to_actor_id', '=', b)]),
        eb.and([eb('from_actor_id', '=', b), eb('to_actor_id', '=', a)]),
      ]),
    )
    .execute();

/** Whether the workspace has any tie at all (matching's `trustKnown`). */
export async function hasTies(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ties')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Names of actors, by id. */
export async function actorNames(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = new Map<string, string>();
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('actors')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** Actors of the workspace by id, and the provider–requester pairs of support matches (demo). */
export async function tieParties(db: Db, workspaceId: string) {
  const [actors, pairs] = await Promise.all([
    db
      .selectFrom('actors')
      .select(['id', 'kind', 'size_class'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('support_matches as m')
      .innerJoin('support_offers as o', 'o.id', 'm.offer_id')
      .innerJoin('support_needs as n', 'n.id', 'm.need_id')
      .select(['o.provider_id', 'n.requester_id'])
      .where('m.workspace_id', '=', workspaceId)
      .distinct()
      .orderBy('o.provider_id')
      .orderBy('n.requester_id')
      .execute(),
  ]);
  return { actors, pairs };
}

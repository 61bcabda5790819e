import type { Db } from '../../db/dialect.ts';
import type {
  ActorKind,
  ActorRolesTable,
  ActorRow,
  ActorsTable,
  AffiliationsTable,
  Visibility,
} from '../../db/types.ts';

// SQLite allows 32766 bound parameters per statement and PostgreSQL 65535: query ids in chunks.
const CHUNK = 400;

export async function insertActor(db: Db, row: ActorsTable): Promise<void> {
  await db.insertInto('actors').values(row).execute();
}

export const findActor = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('actors')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findActorByUser = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('actors')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function actorsByIds(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<ActorRow[]> {
  const unique = [...new Set(ids)];
  const out: ActorRow[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    out.push(
      ...(await db
        .selectFrom('actors')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', unique.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

export async function updateActorRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<ActorsTable, 'id' | 'workspace_id' | 'kind' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db
    .updateTable('actors')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteActorRow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('actors')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** What a viewer sees: records of these visibilities, plus their own linked carrier. */
export interface VisibleFilter {
  levels: Visibility[];
  ownerUserId: string | null;
}

export async function listActorRows(
  db: Db,
  workspaceId: string,
  filter: { kind?: ActorKind | undefined } & VisibleFilter,
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('actors').where('workspace_id', '=', workspaceId);
  if (filter.kind) base = base.where('kind', '=', filter.kind);
  base = base.where((eb) =>
    eb.or([
      eb('visibility', 'in', filter.levels),
      ...(filter.ownerUserId ? [eb('user_id', '=', filter.ownerUserId)] : []),
    ]),
  );
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('name').orderBy('id').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function rolesOf(
  db: Db,
  workspaceId: string,
  actorIds: readonly string[],
): Promise<Map<string, ActorRolesTable[]>> {
  const out = new Map<string, ActorRolesTable[]>();
  for (let i = 0; i < actorIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('actor_roles')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('actor_id', 'in', actorIds.slice(i, i + CHUNK))
      .orderBy((eb) => eb.fn.coalesce('start_date', eb.val('')))
      .orderBy('role')
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.actor_id, [...(out.get(r.actor_id) ?? []), r]);
  }
  return out;
}

export async function replaceRoles(
  db: Db,
  workspaceId: string,
  actorId: string,
  rows: ActorRolesTable[],
): Promise<void> {
  await db
    .deleteFrom('actor_roles')
    .where('workspace_id', '=', workspaceId)
    .where('actor_id', '=', actorId)
    .execute();
  if (rows.length) await db.insertInto('actor_roles').values(rows).execute();
}

/** Which of the users are members of the workspace. */
export async function memberIds(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', [...new Set(userIds)])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** The actor's activities, with what their search entries need. */
export const activitiesOfActor = (db: Db, workspaceId: string, actorId: string) =>
  db
    .selectFrom('activities')
    .select(['id', 'workspace_id', 'title', 'description', 'start_date', 'end_date'])
    .where('workspace_id', '=', workspaceId)
    .where('actor_id', '=', actorId)
    .orderBy('id')
    .execute();

// Affiliations

export async function insertAffiliation(db: Db, row: AffiliationsTable): Promise<void> {
  await db.insertInto('affiliations').values(row).execute();
}

export const findAffiliationRow = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('affiliations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function updateAffiliationRow(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Pick<AffiliationsTable, 'role' | 'start_date' | 'end_date' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('affiliations')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteAffiliationRow(db: Db, workspaceId: string, id: string) {
  await db
    .deleteFrom('affiliations')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/**
 * Affiliations of one actor (either side), or one affiliation by id, with both parties' names and
 * what deciding their visibility needs.
 */
export async function affiliationsWithParties(
  db: Db,
  workspaceId: string,
  by: { actorId: string } | { id: string },
) {
  let q = db
    .selectFrom('affiliations as f')
    .innerJoin('actors as p', 'p.id', 'f.person_id')
    .innerJoin('actors as o', 'o.id', 'f.organisation_id')
    .select([
      'f.id',
      'f.person_id',
      'f.organisation_id',
      'f.role',
      'f.start_date',
      'f.end_date',
      'p.name as person_name',
      'p.visibility as person_visibility',
      'p.user_id as person_user_id',
      'o.name as organisation_name',
      'o.visibility as organisation_visibility',
    ])
    .where('f.workspace_id', '=', workspaceId);
  if ('id' in by) q = q.where('f.id', '=', by.id);
  else
    q = q.where((eb) =>
      eb.or([eb('f.person_id', '=', by.actorId), eb('f.organisation_id', '=', by.actorId)]),
    );
  // coalesce: SQLite sorts nulls first and PostgreSQL last; '' sorts first on both.
  return q
    .orderBy((eb) => eb.fn.coalesce('f.start_date', eb.val('')))
    .orderBy('f.id')
    .execute();
}

export type AffiliationWithParties = Awaited<ReturnType<typeof affiliationsWithParties>>[number];

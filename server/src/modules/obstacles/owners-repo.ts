import type { Db } from '../../db/dialect.ts';
import type { ObstacleOwnerMembersTable, ObstacleOwnersTable } from '../../db/types.ts';

// Owners of obstacles (an organisation or a department) and the members who respond for them.

export async function insertOwner(
  db: Db,
  row: ObstacleOwnersTable,
  members: ObstacleOwnerMembersTable[],
): Promise<void> {
  await db.insertInto('obstacle_owners').values(row).execute();
  if (members.length) await db.insertInto('obstacle_owner_members').values(members).execute();
}

export const listOwners = (db: Db, workspaceId: string) =>
  db
    .selectFrom('obstacle_owners')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();

export const findOwner = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('obstacle_owners')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findOwnerByName = (db: Db, workspaceId: string, name: string) =>
  db
    .selectFrom('obstacle_owners')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();

/** Member user ids per owner of the workspace. */
export async function ownerMembers(db: Db, workspaceId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const rows = await db
    .selectFrom('obstacle_owner_members')
    .select(['owner_id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('user_id')
    .execute();
  for (const r of rows) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r.user_id]);
  return out;
}

export const isOwnerMember = async (db: Db, workspaceId: string, ownerId: string, userId: string) =>
  (await db
    .selectFrom('obstacle_owner_members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('owner_id', '=', ownerId)
    .where('user_id', '=', userId)
    .executeTakeFirst()) !== undefined;

/** Roles of these users in the workspace (users who are not members are absent). */
export async function rolesOf(db: Db, workspaceId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.role as string]));
}

/** Email addresses and languages of active users, for notifications. */
export async function recipients(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'email', 'language'])
    .where('id', 'in', [...new Set(userIds)])
    .where('deactivated_at', 'is', null)
    .execute();
}

export const organisationExists = async (db: Db, workspaceId: string, actorId: string) =>
  (await db
    .selectFrom('actors')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', actorId)
    .where('kind', '=', 'organisation')
    .executeTakeFirst()) !== undefined;

export const ownerMemberIds = async (db: Db, workspaceId: string, ownerId: string) =>
  (
    await db
      .selectFrom('obstacle_owner_members')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('owner_id', '=', ownerId)
      .execute()
  ).map((r) => r.user_id);

export const workspaceSlugOf = async (db: Db, workspaceId: string) =>
  (
    await db
      .selectFrom('workspaces')
      .select('slug')
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).slug;

/** Members of the workspace with their roles (the demo generator picks reporters from them). */
export const workspaceMembers = async (db: Db, workspaceId: string) =>
  (
    await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.user_id', 'memberships.role', 'users.password_hash'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('memberships.created_at')
      .orderBy('memberships.user_id')
      .execute()
  ).map((m) => ({ user_id: m.user_id, role: m.role, canLogIn: m.password_hash !== null }));

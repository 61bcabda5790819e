import type { Db } from '../../db/dialect.ts';
import type { Role, Workspace, WorkspacesTable } from '../../db/types.ts';
import type { Insertable } from 'kysely';

export const findWorkspaceBySlug = (db: Db, slug: string): Promise<Workspace | undefined> =>
  db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();

export async function insertWorkspace(db: Db, row: Insertable<WorkspacesTable>): Promise<void> {
  await db.insertInto('workspaces').values(row).execute();
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  return !!(await db
    .selectFrom('workspaces')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst());
}

export async function listMembers(
  db: Db,
  workspaceId: string,
  offset: number,
  limit: number,
  roles?: readonly Role[],
) {
  const base = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .where('memberships.workspace_id', '=', workspaceId)
    .$if(!!roles?.length, (q) => q.where('memberships.role', 'in', roles!));
  const [items, total] = await Promise.all([
    base
      .select([
        'users.id as userId',
        'users.email',
        'users.display_name as displayName',
        'memberships.role',
        'memberships.created_at as joinedAt',
      ])
      .orderBy('users.display_name')
      .orderBy('users.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    // Counted from memberships alone: the primary-key index answers it without touching users.
    db
      .selectFrom('memberships')
      .where('workspace_id', '=', workspaceId)
      .$if(!!roles?.length, (q) => q.where('role', 'in', roles!))
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const findMembership = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
      'memberships.role',
      'memberships.created_at as joinedAt',
    ])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();

export async function upsertMembership(
  db: Db,
  row: { workspace_id: string; user_id: string; role: Role; created_at: string },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function setMembershipRole(db: Db, workspaceId: string, userId: string, role: Role) {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Db, workspaceId: string, userId: string) {
  await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
}

export async function countAdmins(db: Db, workspaceId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

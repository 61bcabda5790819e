import type { Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { NotificationsTable } from '../../db/types.ts';

// Notifications. Kysely only; every read and write filters on the workspace and the recipient.

export type NotificationRow = Selectable<NotificationsTable>;

export async function insertNotifications(db: Db, rows: NotificationsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
}

const own = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('workspace_id', '=', workspaceId);

/** The recipient's notifications, newest first. */
export async function listOwnNotifications(
  db: Db,
  workspaceId: string,
  userId: string,
  filter: { unread: boolean },
  offset: number,
  limit: number,
) {
  let where = own(db, workspaceId, userId);
  if (filter.unread) where = where.where('read_at', 'is', null);
  const [rows, total] = await Promise.all([
    where
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    where.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countUnread(db: Db, workspaceId: string, userId: string): Promise<number> {
  const row = await own(db, workspaceId, userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const findOwnNotification = (db: Db, workspaceId: string, userId: string, id: string) =>
  own(db, workspaceId, userId).selectAll().where('id', '=', id).executeTakeFirst();

/** Marks the recipient's unread notifications read (one when `id` is given); returns how many. */
export async function markRead(
  db: Db,
  workspaceId: string,
  userId: string,
  readAt: string,
  id?: string,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: readAt })
    .where('user_id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .where('read_at', 'is', null);
  if (id !== undefined) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

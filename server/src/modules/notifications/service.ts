import { newId } from '../../auth/crypto.ts';
import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { NotificationKind } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import {
  countUnread,
  findOwnNotification,
  insertNotifications,
  listOwnNotifications,
  markRead,
  type NotificationRow,
} from './repo.ts';
import type { NotificationListQuery, NotificationOut } from './schema.ts';

// In-app notifications (meldingen). Other modules call `notify` inside the transaction that
// decides a notice is due (as they queue its email there), so a notice exists exactly when its
// cause was recorded. Users read only their own notifications: no role opens another's.

/** The parameters each kind is rendered from (web/src/i18n/<lang>/notifications.json). */
export interface NotificationParamsOf {
  commitment_ending: {
    commitmentId: string;
    /** The offer's title. */
    title: string;
    recipientName: string;
    endDate: string;
    /** The reminder's threshold: 90 or 30 days before the end. */
    days: number;
  };
  /** No names: the recipients may not all see both actors; the page shows what they may. */
  overlap_signal_new: { signalId: string; state: string; score: number };
  overlap_signal_changed: { signalId: string; fromState: string; state: string; score: number };
  overlap_signals_detected: { count: number };
}

export interface NewNotification<K extends NotificationKind> {
  workspaceId: string;
  /** The recipients, users of the workspace; each gets one notification. */
  userIds: readonly string[];
  kind: K;
  params: NotificationParamsOf[K];
  /** A path of the web app, e.g. `/w/<slug>/steun/toezeggingen/<id>`. */
  link: string;
  createdAt: string;
}

const isSitePath = (link: string) => /^\/(?![/\\])[^\s\\]*$/.test(link);

/**
 * Writes one notification per recipient with `db` (pass the caller's transaction, so the notice
 * exists exactly when its cause does); returns their ids, one per distinct recipient.
 */
export async function notify<K extends NotificationKind>(
  db: Db,
  n: NewNotification<K>,
): Promise<string[]> {
  if (!isSitePath(n.link)) throw new Error(`A notification links to a path of the site: ${n.link}`);
  const rows = [...new Set(n.userIds)].map((userId) => ({
    id: newId(),
    workspace_id: n.workspaceId,
    user_id: userId,
    kind: n.kind,
    params: JSON.stringify(n.params),
    link: n.link,
    created_at: n.createdAt,
    read_at: null,
  }));
  await insertNotifications(db, rows);
  return rows.map((r) => r.id);
}

function parseParams(json: string): NotificationOut['params'] {
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}

const toOut = (r: NotificationRow): NotificationOut => ({
  id: r.id,
  kind: r.kind,
  params: parseParams(r.params),
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export async function getMyNotifications(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: Pick<NotificationListQuery, 'unread'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'notifications.self', workspaceId);
  const { rows, total } = await listOwnNotifications(
    ctx.db,
    workspaceId,
    requireUser(actor).userId,
    { unread: filter.unread === 'true' },
    page.offset,
    page.limit,
  );
  return { items: rows.map(toOut), total };
}

export async function getUnreadCount(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'notifications.self', workspaceId);
  return { unread: await countUnread(ctx.db, workspaceId, requireUser(actor).userId) };
}

/** Marks one of the caller's notifications read (already read: unchanged) and returns it. */
export async function readNotification(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<NotificationOut> {
  assertCan(actor, 'notifications.self', workspaceId);
  const userId = requireUser(actor).userId;
  return ctx.db.transaction().execute(async (trx) => {
    await markRead(trx, workspaceId, userId, nowIso(ctx), id);
    const row = await findOwnNotification(trx, workspaceId, userId, id);
    if (!row) throw notFound('No such notification.');
    return toOut(row);
  });
}

export async function readAllNotifications(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'notifications.self', workspaceId);
  return { read: await markRead(ctx.db, workspaceId, requireUser(actor).userId, nowIso(ctx)) };
}

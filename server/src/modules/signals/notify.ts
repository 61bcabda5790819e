import type { SignalState } from '../../analytics/overlap/lifecycle.ts';
import { newId } from '../../auth/crypto.ts';
import type { Db } from '../../db/dialect.ts';
import type { NotificationsTable } from '../../db/types.ts';
import { insertNotifications } from '../notifications/repo.ts';
import { notify } from '../notifications/service.ts';
import { yieldToLoop } from './repo.ts';

// In-app notifications of overlap signals, written in the transaction that records the signal or
// its transition. Recipients: the users linked to the two actors (the parties) and the
// coordinators of the workspace (areas have no coordinators of their own yet, so "the
// coordinators of the area" are the workspace's), never the user who made the change. The daily
// digest (digest.ts) mails what stays unread.

export interface SignalNotice {
  workspaceId: string;
  slug: string;
  signalId: string;
  /** The users linked to the two actors (null: no account). */
  partyUserIds: readonly (string | null)[];
  coordinatorIds: readonly string[];
  /** The user who caused it (not notified); null for the detection run. */
  byUserId: string | null;
  from: SignalState | null;
  to: SignalState;
  score: number;
  at: string;
}

export const signalsPath = (slug: string) => `/w/${slug}/overlapsignalen`;

export const signalPath = (slug: string, signalId: string) =>
  `/w/${slug}/overlapsignalen/${signalId}`;

export function recipientsOf(
  n: Pick<SignalNotice, 'partyUserIds' | 'coordinatorIds' | 'byUserId'>,
) {
  const all = [...n.partyUserIds, ...n.coordinatorIds].filter(
    (u): u is string => u !== null && u !== n.byUserId,
  );
  return [...new Set(all)];
}

export async function notifySignal(db: Db, n: SignalNotice): Promise<number> {
  const userIds = recipientsOf(n);
  if (userIds.length === 0) return 0;
  const score = Math.round(n.score * 100);
  const common = {
    workspaceId: n.workspaceId,
    userIds,
    link: signalPath(n.slug, n.signalId),
    createdAt: n.at,
  };
  if (n.from === null)
    await notify(db, {
      ...common,
      kind: 'overlap_signal_new',
      params: { signalId: n.signalId, state: n.to, score },
    });
  else
    await notify(db, {
      ...common,
      kind: 'overlap_signal_changed',
      params: { signalId: n.signalId, fromState: n.from, state: n.to, score },
    });
  return userIds.length;
}

/**
 * The notifications of a detection run's new or reopened signals, written like
 * {@link notifySignal} writes each (the rows `notify` would write, same kinds and params) but in
 * multi-row statements of 500: a workspace's first detection notifies about thousands of signals.
 */
export async function notifySignals(db: Db, notices: readonly SignalNotice[]): Promise<number> {
  const rows: NotificationsTable[] = [];
  for (const n of notices) {
    const score = Math.round(n.score * 100);
    const params =
      n.from === null
        ? JSON.stringify({ signalId: n.signalId, state: n.to, score })
        : JSON.stringify({ signalId: n.signalId, fromState: n.from, state: n.to, score });
    for (const userId of recipientsOf(n))
      rows.push({
        id: newId(),
        workspace_id: n.workspaceId,
        user_id: userId,
        kind: n.from === null ? 'overlap_signal_new' : 'overlap_signal_changed',
        params,
        link: signalPath(n.slug, n.signalId),
        created_at: n.at,
        read_at: null,
      });
  }
  for (let i = 0; i < rows.length; i += 500) {
    if (i > 0) await yieldToLoop();
    await insertNotifications(db, rows.slice(i, i + 500));
  }
  return rows.length;
}

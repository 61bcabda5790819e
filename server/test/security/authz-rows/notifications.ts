import { newId } from '../../../src/auth/crypto.ts';
import { policy } from '../../../src/auth/policy.ts';
import { nowIso } from '../../../src/context.ts';
import { notify } from '../../../src/modules/notifications/service.ts';
import type { Cell, Rows } from './types.ts';

/**
 * Routes of the in-app notifications (meldingen). Every route acts on the caller's own
 * notifications, so marking one read is built for the caller: a fresh notification of theirs in
 * their own workspace (elsewhere an id that is nobody's: the policy answers first).
 */
export const notificationRows: Rows = ({ ctx, W }) => {
  const notification = async ({ ws, own, caller }: Cell) => {
    if (!own || !caller.userId) return newId();
    const commitmentId = newId();
    const [id] = await notify(ctx().db, {
      workspaceId: ws.id,
      userIds: [caller.userId],
      kind: 'commitment_ending',
      params: { commitmentId, title: 'Matrix', recipientName: 'Matrix', endDate: '', days: 30 },
      link: `/w/${ws.slug}/steun/toezeggingen/${commitmentId}`,
      createdAt: nowIso(ctx()),
    });
    return id!;
  };
  const mine = `${W}/me/notifications`;
  const self = policy.workspace('notifications.self');
  return {
    [`GET ${mine}`]: { policy: self, success: 200 },
    [`GET ${mine}/unread-count`]: { policy: self, success: 200 },
    [`POST ${mine}/:notificationId/read`]: {
      policy: self,
      success: 200,
      request: async (cell) => ({ params: { notificationId: await notification(cell) } }),
    },
    [`POST ${mine}/read-all`]: { policy: self, success: 200 },
  };
};

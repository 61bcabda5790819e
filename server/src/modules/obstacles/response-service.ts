import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ObstacleActorRole, ObstacleEventsTable } from '../../db/types.ts';
import { conflict, fieldError, forbidden } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { viewObstacle, type ObstacleView } from './access.ts';
import { detailOf } from './dto.ts';
import { bumpObstacleVersion } from './insight-repo.ts';
import { canTransition, isClosed, isOpen, isOutcome, needsExplanation } from './lifecycle.ts';
import { notify } from './notify.ts';
import { findOwner, ownerMemberIds, workspaceSlugOf } from './owners-repo.ts';
import { insertEvent, updateObstacle } from './repo.ts';
import type { Respond } from './schema.ts';

// Routing an obstacle to its owner and the owner's responses.

export const event = (
  v: ObstacleView,
  kind: ObstacleEventsTable['kind'],
  actorRole: ObstacleActorRole,
  at: string,
  extra: { status?: ObstacleEventsTable['status']; note?: string | null } = {},
): Omit<ObstacleEventsTable, 'seq'> => ({
  id: newId(),
  workspace_id: v.row.workspace_id,
  obstacle_id: v.row.id,
  kind,
  status: extra.status ?? null,
  note: extra.note ?? null,
  actor_role: actorRole,
  actor_user_id: v.userId,
  created_at: at,
});

/** Everyone who follows the obstacle by name: the named reporter and the endorsers. */
export const followers = (v: ObstacleView) => [
  ...(v.row.reporter_user_id ? [v.row.reporter_user_id] : []),
  ...v.endorsements.map((e) => e.user_id),
];

async function ref(db: Db, v: ObstacleView) {
  return {
    id: v.row.id,
    title: v.row.title,
    workspaceSlug: await workspaceSlugOf(db, v.row.workspace_id),
  };
}

/** A coordinator routes an open obstacle to an owner, with the date a first response is due. */
export async function assignOwner(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { ownerId: string; dueDate: string },
) {
  assertCan(actor, 'obstacles.moderate', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    const owner = await findOwner(trx, workspaceId, input.ownerId);
    if (!owner)
      throw invalid([fieldError('/ownerId', 'unknown_owner', 'No such owner in this workspace.')]);
    if (!isOpen(v.row.status)) throw conflict('obstacle_closed', 'This obstacle is closed.');
    const now = nowIso(ctx);
    await updateObstacle(trx, workspaceId, id, {
      owner_id: owner.id,
      due_date: input.dueDate,
      updated_at: now,
    });
    await insertEvent(trx, event(v, 'assigned', 'coordinator', now, { note: owner.name }));
    await notify(ctx, trx, await ownerMemberIds(trx, workspaceId, owner.id), await ref(trx, v), {
      kind: 'assigned',
      owner: owner.name,
      dueDate: input.dueDate,
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

/**
 * The owner's next step. Only members of the assigned owner answer, one step at a time; a closing
 * "cannot be solved" or "forwarded" needs an explanation. Reporter and endorsers are notified.
 */
export async function respondToObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: Respond,
) {
  assertCan(actor, 'obstacles.respond', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    if (v.row.owner_id === null)
      throw conflict('no_owner', 'The obstacle has no owner yet; a coordinator assigns one.');
    if (!v.isOwner) throw forbidden('Only members of the obstacle’s owner may respond.');
    if (!canTransition(v.row.status, input.status))
      throw conflict('invalid_transition', `Cannot go from ${v.row.status} to ${input.status}.`, [
        fieldError('/status', 'invalid_transition', `Not a next step after ${v.row.status}.`),
      ]);
    const explanation = input.explanation?.trim() || null;
    if (needsExplanation(input.status) && !explanation)
      throw invalid([fieldError('/explanation', 'required', 'Explain this outcome.')]);
    const now = nowIso(ctx);
    await updateObstacle(trx, workspaceId, id, {
      status: input.status,
      due_date: isClosed(input.status) ? null : (input.dueDate ?? v.row.due_date),
      first_response_at: v.row.first_response_at ?? now,
      resolved_at: isOutcome(input.status) ? now : null,
      updated_at: now,
    });
    await insertEvent(
      trx,
      event(v, 'status', 'owner', now, { status: input.status, note: explanation }),
    );
    await notify(ctx, trx, followers(v), await ref(trx, v), {
      kind: 'status',
      status: input.status,
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { conflict, fieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { viewObstacle } from './access.ts';
import { detailOf } from './dto.ts';
import { bumpObstacleVersion } from './insight-repo.ts';
import { isOpen } from './lifecycle.ts';
import {
  findObstacle,
  insertEndorsement,
  insertEvent,
  moveEndorsements,
  setEndorsementContext,
  updateObstacle,
} from './repo.ts';
import { event } from './response-service.ts';
import type { Redact } from './schema.ts';

// Moderation by coordinators: merge duplicates, redact personal details (logged without the
// removed text), hide abusive content.

export const REDACTED = '[verwijderd]';

export async function mergeObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  intoId: string,
) {
  assertCan(actor, 'obstacles.moderate', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    const into = await findObstacle(trx, workspaceId, intoId);
    const errors = [];
    if (!into) errors.push(fieldError('/intoId', 'unknown_obstacle', 'No such obstacle here.'));
    else if (into.id === id)
      errors.push(fieldError('/intoId', 'same_obstacle', 'An obstacle cannot duplicate itself.'));
    else if (into.status === 'merged' || into.status === 'withdrawn')
      errors.push(fieldError('/intoId', 'obstacle_closed', 'Merge into a live obstacle.'));
    if (errors.length) throw invalid(errors);
    if (!isOpen(v.row.status)) throw conflict('obstacle_closed', 'This obstacle is closed.');
    const now = nowIso(ctx);
    await moveEndorsements(trx, workspaceId, id, intoId);
    // A named reporter of the duplicate recognises the obstacle it duplicates.
    const reporter = v.row.reporter_user_id;
    const target = await viewObstacle(trx, { kind: 'system' }, workspaceId, intoId);
    if (
      reporter &&
      reporter !== target.row.reporter_user_id &&
      !target.endorsements.some((e) => e.user_id === reporter)
    )
      await insertEndorsement(trx, {
        id: newId(),
        workspace_id: workspaceId,
        obstacle_id: intoId,
        user_id: reporter,
        context: null,
        created_at: now,
      });
    await updateObstacle(trx, workspaceId, id, {
      status: 'merged',
      merged_into_id: intoId,
      due_date: null,
      updated_at: now,
    });
    await insertEvent(
      trx,
      event(v, 'merged', 'coordinator', now, { status: 'merged', note: intoId }),
    );
    await insertEvent(trx, {
      ...event(v, 'merged', 'coordinator', now, { note: id }),
      obstacle_id: intoId,
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

const columnOf = {
  title: 'title',
  description: 'description',
  whatWouldHelp: 'what_would_help',
} as const;

/** Replaces every occurrence of `find` by [verwijderd]; the history records field and reason. */
export async function redactObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: Redact,
) {
  assertCan(actor, 'obstacles.moderate', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    const notFound = () =>
      invalid([fieldError('/find', 'text_not_found', 'The text does not occur in that field.')]);
    const now = nowIso(ctx);
    if (input.field === 'endorsementContext') {
      const e = v.endorsements.find((x) => x.id === input.endorsementId);
      if (!e)
        throw invalid([
          fieldError('/endorsementId', 'unknown_endorsement', 'No such endorsement here.'),
        ]);
      if (!e.context?.includes(input.find)) throw notFound();
      await setEndorsementContext(
        trx,
        workspaceId,
        e.id,
        e.context.replaceAll(input.find, REDACTED),
      );
    } else {
      const column = columnOf[input.field];
      const current = v.row[column];
      if (!current?.includes(input.find)) throw notFound();
      await updateObstacle(trx, workspaceId, id, {
        [column]: current.replaceAll(input.find, REDACTED),
        updated_at: now,
      });
    }
    await insertEvent(
      trx,
      event(v, 'redacted', 'coordinator', now, { note: `${input.field}: ${input.reason}` }),
    );
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

export async function moderateObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { hidden: boolean; reason: string },
) {
  assertCan(actor, 'obstacles.moderate', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    if ((v.row.hidden_at !== null) === input.hidden)
      throw conflict('unchanged', input.hidden ? 'Already hidden.' : 'Not hidden.');
    const now = nowIso(ctx);
    await updateObstacle(trx, workspaceId, id, {
      hidden_at: input.hidden ? now : null,
      hidden_reason: input.hidden ? input.reason : null,
      updated_at: now,
    });
    await insertEvent(
      trx,
      event(v, input.hidden ? 'hidden' : 'unhidden', 'coordinator', now, { note: input.reason }),
    );
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

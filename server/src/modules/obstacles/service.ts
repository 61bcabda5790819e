import { newId } from '../../auth/crypto.ts';
import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { obstacleSubcategories, type ObstaclesTable } from '../../db/types.ts';
import { AppError, conflict, fieldError, forbidden, type FieldError } from '../../http/problem.ts';
import { checkLinks, invalid, userIdOf } from '../activities/checks.ts';
import { isModerator, viewObstacle } from './access.ts';
import { anonymousLimitFor } from './anonymous-limit.ts';
import { detailOf, summaries } from './dto.ts';
import { bumpObstacleVersion } from './insight-repo.ts';
import { dayOnly, isOpen } from './lifecycle.ts';
import {
  initiativeExists,
  insertEndorsement,
  insertEvent,
  insertObstacle,
  listObstacles,
  setObstacleLinks,
  updateObstacle,
} from './repo.ts';
import type { ObstacleCreate, ObstacleListQuery } from './schema.ts';

// Reporting, reading, endorsing and withdrawing obstacles.

export async function checkReport(
  db: Db,
  workspaceId: string,
  input: ObstacleCreate,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const allowed: readonly string[] = obstacleSubcategories[input.category];
  if (input.subcategory && !allowed.includes(input.subcategory))
    errors.push(
      fieldError(
        '/subcategory',
        'wrong_subcategory',
        `${input.subcategory} is not a kind of ${input.category}.`,
      ),
    );
  errors.push(
    ...(await checkLinks(db, workspaceId, { areaIds: input.areaIds, domainIds: input.domainIds })),
  );
  if (input.initiativeId && !(await initiativeExists(db, workspaceId, input.initiativeId)))
    errors.push(fieldError('/initiativeId', 'unknown_initiative', 'No such initiative here.'));
  return errors;
}

/**
 * Records an obstacle. Anonymous: no reporter id, the time truncated to the day, no email, no
 * audit event and no log line of our own; the rate limit keeps only an in-memory keyed hash.
 */
export async function reportObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: ObstacleCreate,
) {
  assertCan(actor, 'obstacles.report', workspaceId);
  const userId = actor.kind === 'system' ? null : requireUser(actor).userId;
  if (input.anonymous && userId !== null) {
    const limit = anonymousLimitFor(ctx);
    const now = ctx.clock.now().getTime();
    if (!limit.take(`${workspaceId} ${userId}`, now))
      throw new AppError(429, 'rate_limited', 'Too many anonymous reports; try again later.', [], {
        'Retry-After': String(limit.retryAfter(now)),
      });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const errors = await checkReport(trx, workspaceId, input);
    if (errors.length) throw invalid(errors);
    const now = input.anonymous ? dayOnly(nowIso(ctx)) : nowIso(ctx);
    const reporter = input.anonymous ? null : userId;
    const row: ObstaclesTable = {
      id: newId(),
      workspace_id: workspaceId,
      category: input.category,
      subcategory: input.subcategory ?? null,
      severity: input.severity,
      title: input.title,
      description: input.description,
      what_would_help: input.whatWouldHelp || null,
      initiative_id: input.initiativeId ?? null,
      reporter_kind: input.anonymous ? 'anonymous' : 'named',
      reporter_user_id: reporter,
      status: 'reported',
      owner_id: null,
      due_date: null,
      merged_into_id: null,
      hidden_at: null,
      hidden_reason: null,
      first_response_at: null,
      resolved_at: null,
      created_at: now,
      updated_at: now,
    };
    await insertObstacle(trx, row);
    await setObstacleLinks(trx, workspaceId, row.id, input.areaIds, input.domainIds);
    await insertEvent(trx, {
      id: newId(),
      workspace_id: workspaceId,
      obstacle_id: row.id,
      kind: 'reported',
      status: 'reported',
      note: null,
      actor_role: 'reporter',
      actor_user_id: reporter,
      created_at: now,
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, row.id));
  });
}

export async function getObstacles(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<ObstacleListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'obstacles.read', workspaceId);
  const userId = userIdOf(actor) ?? undefined;
  const { rows, total } = await listObstacles(
    ctx.db,
    workspaceId,
    {
      status: q.status,
      category: q.category,
      ownerId: q.ownerId,
      includeHidden: isModerator(actor, workspaceId),
      reportedBy: q.mine === 'reported' ? (userId ?? '-') : undefined,
      endorsedBy: q.mine === 'endorsed' ? (userId ?? '-') : undefined,
      ownedBy: q.mine === 'owned' ? (userId ?? '-') : undefined,
    },
    page.offset,
    page.limit,
  );
  return { items: await summaries(ctx.db, workspaceId, rows), total };
}

export async function getObstacle(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'obstacles.read', workspaceId);
  return detailOf(ctx.db, workspaceId, await viewObstacle(ctx.db, actor, workspaceId, id));
}

/** "Ik herken dit": once per person, on an open obstacle that is not one's own named report. */
export async function endorseObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: { context?: string | null | undefined },
) {
  assertCan(actor, 'obstacles.report', workspaceId);
  const user = requireUser(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    if (v.hasEndorsed) throw conflict('already_endorsed', 'You already recognise this obstacle.');
    if (v.isReporter) throw conflict('own_report', 'You reported this obstacle yourself.');
    if (!isOpen(v.row.status)) throw conflict('obstacle_closed', 'This obstacle is closed.');
    await insertEndorsement(trx, {
      id: newId(),
      workspace_id: workspaceId,
      obstacle_id: id,
      user_id: user.userId,
      context: input.context || null,
      created_at: nowIso(ctx),
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

/** A named reporter withdraws their own open report. Anonymous reports have no one who may. */
export async function withdrawObstacle(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'obstacles.report', workspaceId);
  requireUser(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const v = await viewObstacle(trx, actor, workspaceId, id);
    if (!v.isReporter) throw forbidden('Only the named reporter may withdraw an obstacle.');
    if (!isOpen(v.row.status)) throw conflict('obstacle_closed', 'This obstacle is closed.');
    const now = nowIso(ctx);
    await updateObstacle(trx, workspaceId, id, {
      status: 'withdrawn',
      due_date: null,
      updated_at: now,
    });
    await insertEvent(trx, {
      id: newId(),
      workspace_id: workspaceId,
      obstacle_id: id,
      kind: 'withdrawn',
      status: 'withdrawn',
      note: null,
      actor_role: 'reporter',
      actor_user_id: v.userId,
      created_at: now,
    });
    await bumpObstacleVersion(trx, workspaceId);
    return detailOf(trx, workspaceId, await viewObstacle(trx, actor, workspaceId, id));
  });
}

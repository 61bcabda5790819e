import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { FundingRecipientType } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { canSee, viewerOf, visibleLevels } from '../records/visibility.ts';
import { flowErrors, type FlowFacts } from './checks.ts';
import { flowDtos } from './dto.ts';
import {
  deleteFlow,
  findFlow,
  flowLinks,
  insertFlow,
  listFlows,
  setFlowLinks,
  updateFlow,
  type FlowFilter,
  type FlowRow,
  type FlowSet,
  type NewFlow,
} from './repo.ts';
import type { FlowCreate, FlowListQuery, FlowUpdate } from './schema.ts';
import { bumpDirectoryVersion } from '../records/version.ts';

// Funding flows (geldstromen): coordinators and admins record, change and delete them; every
// member sees the flows visible to them (private by default: coordinators, and the carrier who
// receives the money). Everything is checked before anything is written, in one transaction.

/** The flow as the actor may see it, or 404 (also for flows of another workspace). */
export async function viewFlow(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findFlow(db, workspaceId, id);
  const recipient = row?.recipient_actor_id
    ? await findActor(db, workspaceId, row.recipient_actor_id)
    : undefined;
  const seen =
    row &&
    canSee(viewerOf(actor, workspaceId), {
      visibility: row.visibility,
      owner_user_id: recipient?.user_id ?? null,
    });
  if (!row || !seen) throw notFound('No such funding flow.');
  return row;
}

/** Who sees which flows, for list queries. */
export function flowViewer(
  actor: Actor,
  workspaceId: string,
): Pick<FlowFilter, 'levels' | 'userId'> {
  const viewer = viewerOf(actor, workspaceId);
  return { levels: visibleLevels(viewer), userId: viewer.seesPrivate ? null : viewer.userId };
}

const recipientColumns = (type: FundingRecipientType, id: string) => ({
  recipient_type: type,
  recipient_actor_id: type === 'actor' ? id : null,
  recipient_initiative_id: type === 'initiative' ? id : null,
  recipient_alliance_id: type === 'alliance' ? id : null,
});

const one = async (ctx: AppContext, actor: Actor, workspaceId: string, row: FlowRow) =>
  (await flowDtos(ctx.db, actor, workspaceId, [row]))[0]!;

export async function createFlow(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: FlowCreate,
) {
  assertCan(actor, 'funding.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const facts: FlowFacts = {
      ...input,
      initiativeId: input.initiativeId ?? null,
      reportingHours: input.reportingHours ?? 0,
      reports: input.reports ?? 0,
    };
    const errors = await flowErrors(trx, workspaceId, facts);
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: NewFlow & FlowRow = {
      id: newId(),
      workspace_id: workspaceId,
      funder_id: input.funderId,
      ...recipientColumns(input.recipientType, input.recipientId),
      initiative_id: input.recipientType === 'initiative' ? input.recipientId : facts.initiativeId,
      title: input.title ?? null,
      amount_cents: input.amountCents,
      start_date: input.startDate,
      end_date: input.endDate,
      instrument: input.instrument,
      reporting_hours: facts.reportingHours,
      report_count: facts.reports,
      visibility: input.visibility ?? 'private',
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    };
    await insertFlow(trx, row);
    await setFlowLinks(trx, workspaceId, row.id, input.areaIds ?? [], input.domainIds ?? []);
    await bumpDirectoryVersion(trx, workspaceId); // the cached dashboard (dashboard-cache.ts)
    return row;
  });
  return one(ctx, actor, workspaceId, row);
}

export async function getFlows(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<FlowListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'funding.read', workspaceId);
  const { areaId, ...rest } = q;
  const areaIds = await areaAndSubAreas(ctx.db, workspaceId, areaId);
  const { rows, total } = await listFlows(
    ctx.db,
    workspaceId,
    { ...rest, areaIds, ...flowViewer(actor, workspaceId) },
    page.offset,
    page.limit,
  );
  return { items: await flowDtos(ctx.db, actor, workspaceId, rows), total };
}

export async function getFlow(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'funding.read', workspaceId);
  return one(ctx, actor, workspaceId, await viewFlow(ctx.db, actor, workspaceId, id));
}

/** Any field may change; the flow as it would become is checked as a whole. */
export async function changeFlow(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: FlowUpdate,
) {
  assertCan(actor, 'funding.manage', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await viewFlow(trx, actor, workspaceId, id);
    const links = (await flowLinks(trx, workspaceId, [id])).get(id)!;
    const recipientType = input.recipientType ?? current.recipient_type;
    const recipientId =
      input.recipientId ??
      (input.recipientType && input.recipientType !== current.recipient_type
        ? ''
        : (current.recipient_actor_id ??
          current.recipient_initiative_id ??
          current.recipient_alliance_id ??
          ''));
    const facts: FlowFacts = {
      funderId: input.funderId ?? current.funder_id,
      recipientType,
      recipientId,
      // An initiative recipient is its own initiative; otherwise the link stays unless changed.
      initiativeId:
        input.initiativeId !== undefined
          ? input.initiativeId
          : recipientType === 'initiative'
            ? null
            : current.initiative_id,
      amountCents: input.amountCents ?? Number(current.amount_cents),
      startDate: input.startDate ?? current.start_date,
      endDate: input.endDate ?? current.end_date,
      reportingHours: input.reportingHours ?? Number(current.reporting_hours),
      reports: input.reports ?? Number(current.report_count),
      areaIds: input.areaIds,
      domainIds: input.domainIds,
    };
    const errors = await flowErrors(trx, workspaceId, facts, new Set(links.domainIds));
    if (errors.length) throw invalid(errors);
    const set: FlowSet = {
      funder_id: facts.funderId,
      ...recipientColumns(recipientType, recipientId),
      initiative_id: recipientType === 'initiative' ? recipientId : facts.initiativeId,
      ...(input.title !== undefined ? { title: input.title } : {}),
      amount_cents: facts.amountCents,
      start_date: facts.startDate,
      end_date: facts.endDate,
      ...(input.instrument ? { instrument: input.instrument } : {}),
      reporting_hours: facts.reportingHours,
      report_count: facts.reports,
      ...(input.visibility ? { visibility: input.visibility } : {}),
      updated_at: nowIso(ctx),
    };
    await updateFlow(trx, workspaceId, id, set);
    await setFlowLinks(trx, workspaceId, id, input.areaIds, input.domainIds);
    await bumpDirectoryVersion(trx, workspaceId);
    return { ...current, ...set } as FlowRow;
  });
  return one(ctx, actor, workspaceId, row);
}

export async function removeFlow(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'funding.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    await viewFlow(trx, actor, workspaceId, id);
    await deleteFlow(trx, workspaceId, id);
    await bumpDirectoryVersion(trx, workspaceId);
  });
}

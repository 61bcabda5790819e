import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportNeedsTable } from '../../db/types.ts';
import { conflict, fieldError, forbidden, type FieldError } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { knownTerms } from '../records/repo.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { mayEditNeed, viewNeed } from './access.ts';
import { needErrors } from './checks.ts';
import { needDtos } from './dto.ts';
import { commitmentsExist } from './match-repo.ts';
import {
  deleteNeed,
  insertNeed,
  listNeeds,
  needTerms,
  setNeedTerms,
  updateNeed,
} from './need-repo.ts';
import type { NeedCreate, NeedListQuery, NeedUpdate } from './schema.ts';

// Needs (hulpvragen) of carriers and small organisations. A carrier asks for themselves (their
// own linked record); coordinators record needs for anyone. Private by default: seen by
// coordinators and the carrier concerned.

const cannotAsk = () =>
  forbidden('Only coordinators, or the carrier themselves, may ask for support for this record.');

async function requesterErrors(db: Db, actor: Actor, workspaceId: string, requesterId: string) {
  const requester = await findActor(db, workspaceId, requesterId);
  const errors: FieldError[] = [];
  if (!requester)
    errors.push(fieldError('/requesterId', 'unknown_actor', 'No such actor in this workspace.'));
  else if (requester.kind === 'organisation' && requester.size_class !== 'small')
    errors.push(
      fieldError(
        '/requesterId',
        'not_small_organisation',
        'Needs come from carriers and small organisations.',
      ),
    );
  else if (!mayEditNeed(actor, workspaceId, requester)) throw cannotAsk();
  return errors;
}

export async function createNeed(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: NeedCreate,
) {
  assertCan(actor, 'support.self', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const errors = await requesterErrors(trx, actor, workspaceId, input.requesterId);
    errors.push(
      ...(await needErrors(trx, workspaceId, { ...input, endDate: input.endDate ?? null })),
    );
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: SupportNeedsTable = {
      id: newId(),
      workspace_id: workspaceId,
      requester_id: input.requesterId,
      type: input.type,
      description: input.description,
      amount_per_month: input.amountPerMonth,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      urgency: input.urgency,
      area_id: input.areaId,
      status: 'open',
      visibility: input.visibility ?? 'private',
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    };
    await insertNeed(trx, row);
    await setNeedTerms(trx, workspaceId, row.id, [...input.domainIds, ...input.targetGroupIds]);
    return row;
  });
  return (await needDtos(ctx.db, actor, workspaceId, [row]))[0]!;
}

export async function getNeeds(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<NeedListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'support.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  const { mine, ...filter } = q;
  const { rows, total } = await listNeeds(
    ctx.db,
    workspaceId,
    {
      ...filter,
      levels: visibleLevels(viewer),
      ownerUserId: viewer.userId,
      onlyOwnerUserId: mine === 'true' ? (viewer.userId ?? '-') : undefined,
    },
    page.offset,
    page.limit,
  );
  return { items: await needDtos(ctx.db, actor, workspaceId, rows), total };
}

export async function getNeed(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.read', workspaceId);
  const { row } = await viewNeed(ctx.db, actor, workspaceId, id);
  return (await needDtos(ctx.db, actor, workspaceId, [row]))[0]!;
}

export async function changeNeed(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: NeedUpdate,
) {
  assertCan(actor, 'support.self', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { row: current, requester } = await viewNeed(trx, actor, workspaceId, id);
    if (!mayEditNeed(actor, workspaceId, requester)) throw cannotAsk();
    const terms = (await needTerms(trx, workspaceId, [id])).get(id) ?? [];
    const errors = await needErrors(
      trx,
      workspaceId,
      {
        amountPerMonth: input.amountPerMonth ?? current.amount_per_month,
        startDate: input.startDate ?? current.start_date,
        endDate: input.endDate !== undefined ? input.endDate : current.end_date,
        areaId: input.areaId ?? current.area_id,
        domainIds: input.domainIds,
        targetGroupIds: input.targetGroupIds,
      },
      new Set(terms),
    );
    if (errors.length) throw invalid(errors);
    const set = {
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.amountPerMonth !== undefined ? { amount_per_month: input.amountPerMonth } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
      ...(input.urgency !== undefined ? { urgency: input.urgency } : {}),
      ...(input.areaId !== undefined ? { area_id: input.areaId } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updated_at: nowIso(ctx),
    };
    await updateNeed(trx, workspaceId, id, set);
    if (input.domainIds || input.targetGroupIds) {
      const kinds = await knownTerms(trx, workspaceId, terms);
      const keep = (kind: string) => terms.filter((t) => kinds.get(t)?.kind === kind);
      await setNeedTerms(trx, workspaceId, id, [
        ...(input.domainIds ?? keep('domain')),
        ...(input.targetGroupIds ?? keep('target_group')),
      ]);
    }
    return { ...current, ...set };
  });
  return (await needDtos(ctx.db, actor, workspaceId, [row]))[0]!;
}

/** Deletes a need no commitment rests on (409 otherwise; close it instead). */
export async function removeNeed(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const { requester } = await viewNeed(trx, actor, workspaceId, id);
    if (!mayEditNeed(actor, workspaceId, requester)) throw cannotAsk();
    if (await commitmentsExist(trx, workspaceId, { needId: id }))
      throw conflict('has_commitments', 'Commitments rest on this need; close it instead.');
    await deleteNeed(trx, workspaceId, id);
  });
}

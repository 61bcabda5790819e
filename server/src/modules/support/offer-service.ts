import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { SupportOffersTable } from '../../db/types.ts';
import { conflict } from '../../http/problem.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { knownTerms } from '../records/repo.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { viewOffer } from './access.ts';
import { offerErrors } from './checks.ts';
import { offerChangeErrors } from './commitment-rules.ts';
import { offerDtos } from './dto.ts';
import { commitmentsExist } from './match-repo.ts';
import {
  deleteOffer,
  insertOffer,
  listOffers,
  offerLinks,
  setOfferLinks,
  updateOffer,
} from './repo.ts';
import type { OfferCreate, OfferListQuery, OfferUpdate } from './schema.ts';

// Offers (steunaanbod) of institutions: coordinators and admins record and change them; every
// member sees the offers visible to them (private by default: coordinators only).

const one = async (ctx: AppContext, actor: Actor, workspaceId: string, row: SupportOffersTable) =>
  (await offerDtos(ctx.db, actor, workspaceId, [row]))[0]!;

export async function createOffer(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: OfferCreate,
) {
  assertCan(actor, 'support.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const errors = await offerErrors(trx, workspaceId, {
      ...input,
      endDate: input.endDate ?? null,
    });
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: SupportOffersTable = {
      id: newId(),
      workspace_id: workspaceId,
      provider_id: input.providerId,
      type: input.type,
      title: input.title,
      capacity_per_month: input.capacityPerMonth,
      start_date: input.startDate,
      end_date: input.endDate ?? null,
      conditions: input.conditions || null,
      persons_eligible: input.personsEligible ? 1 : 0,
      visibility: input.visibility ?? 'private',
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    };
    await insertOffer(trx, row);
    await setOfferLinks(trx, workspaceId, row.id, input.areaIds, [
      ...input.domainIds,
      ...input.targetGroupIds,
    ]);
    return row;
  });
  return one(ctx, actor, workspaceId, row);
}

export async function getOffers(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<OfferListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'support.read', workspaceId);
  const levels = visibleLevels(viewerOf(actor, workspaceId));
  const { rows, total } = await listOffers(
    ctx.db,
    workspaceId,
    { ...q, levels },
    page.offset,
    page.limit,
  );
  return { items: await offerDtos(ctx.db, actor, workspaceId, rows), total };
}

export async function getOffer(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.read', workspaceId);
  return one(ctx, actor, workspaceId, await viewOffer(ctx.db, actor, workspaceId, id));
}

export async function changeOffer(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: OfferUpdate,
) {
  assertCan(actor, 'support.manage', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await viewOffer(trx, actor, workspaceId, id);
    const links = (await offerLinks(trx, workspaceId, [id])).get(id)!;
    const errors = await offerErrors(
      trx,
      workspaceId,
      {
        providerId: current.provider_id,
        capacityPerMonth: input.capacityPerMonth ?? current.capacity_per_month,
        startDate: input.startDate ?? current.start_date,
        endDate: input.endDate !== undefined ? input.endDate : current.end_date,
        areaIds: input.areaIds,
        domainIds: input.domainIds,
        targetGroupIds: input.targetGroupIds,
      },
      new Set(links.termIds),
    );
    errors.push(
      ...(await offerChangeErrors(trx, current, {
        capacityPerMonth: input.capacityPerMonth ?? current.capacity_per_month,
        startDate: input.startDate ?? current.start_date,
        endDate: input.endDate !== undefined ? input.endDate : current.end_date,
      })),
    );
    if (errors.length) throw invalid(errors);
    const set = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.capacityPerMonth !== undefined
        ? { capacity_per_month: input.capacityPerMonth }
        : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
      ...(input.conditions !== undefined ? { conditions: input.conditions || null } : {}),
      ...(input.personsEligible !== undefined
        ? { persons_eligible: input.personsEligible ? 1 : 0 }
        : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      updated_at: nowIso(ctx),
    };
    await updateOffer(trx, workspaceId, id, set);
    if (input.domainIds || input.targetGroupIds || input.areaIds) {
      const kinds = await knownTerms(trx, workspaceId, links.termIds);
      const keep = (kind: string) => links.termIds.filter((t) => kinds.get(t)?.kind === kind);
      const terms =
        input.domainIds || input.targetGroupIds
          ? [
              ...(input.domainIds ?? keep('domain')),
              ...(input.targetGroupIds ?? keep('target_group')),
            ]
          : undefined;
      await setOfferLinks(trx, workspaceId, id, input.areaIds, terms);
    }
    return { ...current, ...set };
  });
  return one(ctx, actor, workspaceId, row);
}

/** Deletes an offer no commitment rests on (409 otherwise; end it instead). */
export async function removeOffer(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'support.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    await viewOffer(trx, actor, workspaceId, id);
    if (await commitmentsExist(trx, workspaceId, { offerId: id }))
      throw conflict('has_commitments', 'Commitments rest on this offer; give it an end date.');
    await deleteOffer(trx, workspaceId, id);
  });
}

import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportNeedsTable, SupportOffersTable } from '../../db/types.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { knownTerms } from '../records/repo.ts';
import { mayEditNeed, mayEditOffer, unitOf } from './access.ts';
import { needTerms } from './need-repo.ts';
import { offerLinks } from './repo.ts';
import type { Need, Offer } from './schema.ts';

// Rows to answers; only declared fields leave the server.

async function splitTerms(db: Db, workspaceId: string, lists: Iterable<string[]>) {
  const kinds = await knownTerms(db, workspaceId, [...lists].flat());
  return (ids: readonly string[]) => ({
    domainIds: ids.filter((t) => kinds.get(t)?.kind === 'domain'),
    targetGroupIds: ids.filter((t) => kinds.get(t)?.kind === 'target_group'),
  });
}

export async function offerDtos(
  db: Db,
  actor: Actor,
  workspaceId: string,
  rows: readonly SupportOffersTable[],
): Promise<Offer[]> {
  const ids = rows.map((r) => r.id);
  const links = await offerLinks(db, workspaceId, ids);
  const providers = await actorsByIds(
    db,
    workspaceId,
    rows.map((r) => r.provider_id),
  );
  const split = await splitTerms(
    db,
    workspaceId,
    [...links.values()].map((l) => l.termIds),
  );
  const canEdit = mayEditOffer(actor, workspaceId);
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    providerName: providers.get(r.provider_id)?.name ?? '',
    type: r.type,
    unit: unitOf(r.type),
    title: r.title,
    capacityPerMonth: Number(r.capacity_per_month),
    startDate: r.start_date,
    endDate: r.end_date,
    conditions: r.conditions,
    areaIds: links.get(r.id)?.areaIds ?? [],
    ...split(links.get(r.id)?.termIds ?? []),
    personsEligible: Number(r.persons_eligible) === 1,
    visibility: r.visibility,
    canEdit,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function needDtos(
  db: Db,
  actor: Actor,
  workspaceId: string,
  rows: readonly SupportNeedsTable[],
): Promise<Need[]> {
  const terms = await needTerms(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const requesters = await actorsByIds(
    db,
    workspaceId,
    rows.map((r) => r.requester_id),
  );
  const split = await splitTerms(db, workspaceId, terms.values());
  return rows.map((r) => {
    const requester = requesters.get(r.requester_id);
    return {
      id: r.id,
      requesterId: r.requester_id,
      requesterName: requester?.name ?? '',
      requesterKind: requester?.kind ?? 'person',
      type: r.type,
      unit: unitOf(r.type),
      description: r.description,
      amountPerMonth: Number(r.amount_per_month),
      startDate: r.start_date,
      endDate: r.end_date,
      urgency: r.urgency,
      areaId: r.area_id,
      ...split(terms.get(r.id) ?? []),
      status: r.status,
      visibility: r.visibility,
      canEdit: requester ? mayEditNeed(actor, workspaceId, requester) : false,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

import type { Db } from '../../db/dialect.ts';
import type { SupportOffersTable, SupportType, Visibility } from '../../db/types.ts';

// Offers with their links, and the reads of other modules' tables that support needs (area
// parents, parties, terms). Every query filters on the workspace.

const CHUNK = 400;
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function insertOffer(db: Db, row: SupportOffersTable): Promise<void> {
  await db.insertInto('support_offers').values(row).execute();
}

export async function updateOffer(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<SupportOffersTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('support_offers')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteOffer(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('support_offers')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findOffer = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('support_offers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function setOfferLinks(
  db: Db,
  workspaceId: string,
  offerId: string,
  areaIds: readonly string[] | undefined,
  termIds: readonly string[] | undefined,
): Promise<void> {
  if (areaIds) {
    await db
      .deleteFrom('support_offer_areas')
      .where('workspace_id', '=', workspaceId)
      .where('offer_id', '=', offerId)
      .execute();
    if (areaIds.length)
      await db
        .insertInto('support_offer_areas')
        .values(
          unique(areaIds).map((area_id) => ({
            workspace_id: workspaceId,
            offer_id: offerId,
            area_id,
          })),
        )
        .execute();
  }
  if (termIds) {
    await db
      .deleteFrom('support_offer_terms')
      .where('workspace_id', '=', workspaceId)
      .where('offer_id', '=', offerId)
      .execute();
    if (termIds.length)
      await db
        .insertInto('support_offer_terms')
        .values(
          unique(termIds).map((term_id) => ({
            workspace_id: workspaceId,
            offer_id: offerId,
            term_id,
          })),
        )
        .execute();
  }
}

export interface LinkRows {
  areaIds: string[];
  termIds: string[];
}

function grouped(ids: readonly string[]) {
  const out = new Map<string, LinkRows>();
  for (const id of ids) out.set(id, { areaIds: [], termIds: [] });
  return out;
}

/** Eligible areas and terms per offer. */
export async function offerLinks(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = grouped(ids);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const areas = await db
      .selectFrom('support_offer_areas')
      .select(['offer_id', 'area_id'])
      .where('workspace_id', '=', workspaceId)
      .where('offer_id', 'in', part)
      .orderBy('area_id')
      .execute();
    for (const a of areas) out.get(a.offer_id)?.areaIds.push(a.area_id);
    const terms = await db
      .selectFrom('support_offer_terms')
      .select(['offer_id', 'term_id'])
      .where('workspace_id', '=', workspaceId)
      .where('offer_id', 'in', part)
      .orderBy('term_id')
      .execute();
    for (const t of terms) out.get(t.offer_id)?.termIds.push(t.term_id);
  }
  return out;
}

export interface OfferFilter {
  type?: SupportType | undefined;
  providerId?: string | undefined;
  areaId?: string | undefined;
  domainId?: string | undefined;
  activeOn?: string | undefined;
  levels: readonly Visibility[];
  /** Only these offers (undefined: all). */
  ids?: readonly string[] | undefined;
}

function offerQuery(db: Db, workspaceId: string, f: OfferFilter) {
  let q = db
    .selectFrom('support_offers')
    .where('support_offers.workspace_id', '=', workspaceId)
    .where('support_offers.visibility', 'in', [...f.levels]);
  if (f.type) q = q.where('support_offers.type', '=', f.type);
  if (f.providerId) q = q.where('support_offers.provider_id', '=', f.providerId);
  if (f.ids) q = q.where('support_offers.id', 'in', f.ids.length ? [...f.ids] : ['-']);
  if (f.activeOn) {
    const day = f.activeOn;
    q = q
      .where('support_offers.start_date', '<=', day)
      .where((eb) =>
        eb.or([
          eb('support_offers.end_date', 'is', null),
          eb('support_offers.end_date', '>=', day),
        ]),
      );
  }
  if (f.areaId) {
    const areaId = f.areaId;
    q = q.where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('support_offer_areas')
              .select('offer_id')
              .whereRef('support_offer_areas.offer_id', '=', 'support_offers.id'),
          ),
        ),
        eb(
          'support_offers.id',
          'in',
          eb
            .selectFrom('support_offer_areas')
            .select('offer_id')
            .where('workspace_id', '=', workspaceId)
            .where('area_id', '=', areaId),
        ),
      ]),
    );
  }
  if (f.domainId) {
    const termId = f.domainId;
    q = q.where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('support_offer_terms')
              .innerJoin('taxonomy_terms', 'taxonomy_terms.id', 'support_offer_terms.term_id')
              .select('support_offer_terms.offer_id')
              .whereRef('support_offer_terms.offer_id', '=', 'support_offers.id')
              .where('taxonomy_terms.kind', '=', 'domain'),
          ),
        ),
        eb(
          'support_offers.id',
          'in',
          eb
            .selectFrom('support_offer_terms')
            .select('offer_id')
            .where('workspace_id', '=', workspaceId)
            .where('term_id', '=', termId),
        ),
      ]),
    );
  }
  return q;
}

/** A page of offers, newest first. */
export async function listOffers(
  db: Db,
  workspaceId: string,
  f: OfferFilter,
  offset: number,
  limit: number,
) {
  const base = offerQuery(db, workspaceId, f);
  const [rows, total] = await Promise.all([
    base
      .selectAll('support_offers')
      .orderBy('support_offers.created_at', 'desc')
      .orderBy('support_offers.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every offer of a type the viewer may see (matching candidates). */
export const offersOfType = (
  db: Db,
  workspaceId: string,
  type: SupportType,
  levels: Visibility[],
) =>
  offerQuery(db, workspaceId, { type, levels })
    .selectAll('support_offers')
    .orderBy('support_offers.id')
    .execute();

/** Parent of each area of the workspace, by id (buurt → wijk → gemeente). */
export async function areaParents(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'code', 'parent_code'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return new Map(
    rows.map((r) => [r.id, r.parent_code ? (byCode.get(r.parent_code) ?? null) : null]),
  );
}

/**
 * Takes the offer's row lock for the rest of the transaction (a no-op update: a row lock in
 * PostgreSQL, the write lock in SQLite), so two acceptances cannot both use its last capacity.
 */
export async function lockOffer(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .updateTable('support_offers')
    .set((eb) => ({ provider_id: eb.ref('provider_id') }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Organisations and persons of the workspace, by id (the demo generator's parties). */
export const partiesOf = (db: Db, workspaceId: string) =>
  db
    .selectFrom('actors')
    .select(['id', 'kind', 'size_class', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();

/** Unarchived taxonomy terms of the workspace, by position. */
export const activeTermsOf = (db: Db, workspaceId: string) =>
  db
    .selectFrom('taxonomy_terms')
    .select(['id', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();

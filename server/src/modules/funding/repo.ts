import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { FundingFlowsTable, FundingInstrument, Visibility } from '../../db/types.ts';

// Funding flows with their area and domain links, and the reads of other modules' records they
// need (names, kinds and visibility of actors and initiatives, area codes, term labels). Kysely
// only; every query filters on the workspace.

const CHUNK = 400;
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export type FlowRow = Selectable<FundingFlowsTable>;
export type NewFlow = Insertable<FundingFlowsTable>;
export type FlowSet = Omit<Updateable<FundingFlowsTable>, 'id' | 'workspace_id' | 'created_at'>;

export async function insertFlow(db: Db, row: NewFlow): Promise<void> {
  await db.insertInto('funding_flows').values(row).execute();
}

export async function updateFlow(db: Db, workspaceId: string, id: string, set: FlowSet) {
  await db
    .updateTable('funding_flows')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteFlow(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('funding_flows')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findFlow = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('funding_flows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Replaces a flow's areas and/or domains (undefined: leave as they are). */
export async function setFlowLinks(
  db: Db,
  workspaceId: string,
  flowId: string,
  areaIds: readonly string[] | undefined,
  domainIds: readonly string[] | undefined,
): Promise<void> {
  if (areaIds) {
    await db
      .deleteFrom('funding_flow_areas')
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', '=', flowId)
      .execute();
    if (areaIds.length)
      await db
        .insertInto('funding_flow_areas')
        .values(
          unique(areaIds).map((area_id) => ({
            workspace_id: workspaceId,
            flow_id: flowId,
            area_id,
          })),
        )
        .execute();
  }
  if (domainIds) {
    await db
      .deleteFrom('funding_flow_domains')
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', '=', flowId)
      .execute();
    if (domainIds.length)
      await db
        .insertInto('funding_flow_domains')
        .values(
          unique(domainIds).map((term_id) => ({
            workspace_id: workspaceId,
            flow_id: flowId,
            term_id,
          })),
        )
        .execute();
  }
}

export interface FlowLinks {
  areaIds: string[];
  domainIds: string[];
}

/** Areas and domains per flow. */
export async function flowLinks(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = new Map<string, FlowLinks>(ids.map((id) => [id, { areaIds: [], domainIds: [] }]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const areas = await db
      .selectFrom('funding_flow_areas')
      .select(['flow_id', 'area_id'])
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', 'in', part)
      .orderBy('area_id')
      .execute();
    for (const a of areas) out.get(a.flow_id)?.areaIds.push(a.area_id);
    const terms = await db
      .selectFrom('funding_flow_domains')
      .select(['flow_id', 'term_id'])
      .where('workspace_id', '=', workspaceId)
      .where('flow_id', 'in', part)
      .orderBy('term_id')
      .execute();
    for (const t of terms) out.get(t.flow_id)?.domainIds.push(t.term_id);
  }
  return out;
}

export interface FlowFilter {
  funderId?: string | undefined;
  recipientId?: string | undefined;
  initiativeId?: string | undefined;
  instrument?: FundingInstrument | undefined;
  /** The area and its sub-areas: flows linked to any of them. */
  areaIds?: readonly string[] | undefined;
  activeOn?: string | undefined;
  /** Visibility levels the caller sees. */
  levels: readonly Visibility[];
  /** The caller, who also sees flows to their own carrier record. */
  userId?: string | null | undefined;
}

function flowQuery(db: Db, workspaceId: string, f: FlowFilter) {
  let q = db.selectFrom('funding_flows as ff').where('ff.workspace_id', '=', workspaceId);
  const userId = f.userId;
  q = q.where((eb) =>
    userId
      ? eb.or([
          eb('ff.visibility', 'in', [...f.levels]),
          eb(
            'ff.recipient_actor_id',
            'in',
            eb
              .selectFrom('actors')
              .select('actors.id')
              .where('actors.workspace_id', '=', workspaceId)
              .where('actors.user_id', '=', userId),
          ),
        ])
      : eb('ff.visibility', 'in', [...f.levels]),
  );
  if (f.funderId) q = q.where('ff.funder_id', '=', f.funderId);
  if (f.recipientId) {
    const id = f.recipientId;
    q = q.where((eb) =>
      eb.or([
        eb('ff.recipient_actor_id', '=', id),
        eb('ff.recipient_initiative_id', '=', id),
        eb('ff.recipient_alliance_id', '=', id),
      ]),
    );
  }
  if (f.initiativeId) q = q.where('ff.initiative_id', '=', f.initiativeId);
  if (f.instrument) q = q.where('ff.instrument', '=', f.instrument);
  if (f.activeOn)
    q = q.where('ff.start_date', '<=', f.activeOn).where('ff.end_date', '>=', f.activeOn);
  if (f.areaIds) q = q.where('ff.id', 'in', flowsInAreas(db, workspaceId, f.areaIds));
  return q;
}

/** Ids of the flows linked to any of the areas, as a subquery. */
const flowsInAreas = (db: Db, workspaceId: string, areaIds: readonly string[]) =>
  db
    .selectFrom('funding_flow_areas')
    .select('flow_id')
    .where('workspace_id', '=', workspaceId)
    .where('area_id', 'in', areaIds.length ? [...areaIds] : ['-']);

/** A page of flows, newest first. */
export async function listFlows(
  db: Db,
  workspaceId: string,
  f: FlowFilter,
  offset: number,
  limit: number,
) {
  const base = flowQuery(db, workspaceId, f);
  const [rows, total] = await Promise.all([
    base
      .selectAll('ff')
      .orderBy('ff.created_at', 'desc')
      .orderBy('ff.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every flow the filter admits, by start date (the CSV export). */
export const allFlows = (db: Db, workspaceId: string, f: FlowFilter) =>
  flowQuery(db, workspaceId, f).selectAll('ff').orderBy('ff.start_date').orderBy('ff.id').execute();

/**
 * What the dashboard needs of every flow of the workspace (in the areas, when given), with the
 * kind and size class of an actor recipient.
 */
export const dashboardRows = (db: Db, workspaceId: string, areaIds?: readonly string[]) => {
  let q = db
    .selectFrom('funding_flows as ff')
    .leftJoin('actors as a', (j) =>
      j.onRef('a.id', '=', 'ff.recipient_actor_id').on('a.workspace_id', '=', workspaceId),
    )
    .select([
      'ff.id',
      'ff.funder_id',
      'ff.recipient_type',
      'ff.recipient_actor_id',
      'ff.recipient_initiative_id',
      'ff.recipient_alliance_id',
      'ff.amount_cents',
      'ff.start_date',
      'ff.end_date',
      'ff.instrument',
      'ff.reporting_hours',
      'ff.report_count',
      'a.kind as actor_kind',
      'a.size_class as actor_size_class',
    ])
    .where('ff.workspace_id', '=', workspaceId);
  if (areaIds) q = q.where('ff.id', 'in', flowsInAreas(db, workspaceId, areaIds));
  return q.orderBy('ff.id').execute();
};

export type DashboardRow = Awaited<ReturnType<typeof dashboardRows>>[number];

/** Names, kinds and visibility of actors, by id. */
export async function actorNames(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = new Map<
    string,
    {
      name: string;
      kind: 'person' | 'organisation';
      size_class: 'small' | 'large' | null;
      visibility: Visibility;
      user_id: string | null;
    }
  >();
  const all = unique(ids);
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('actors')
      .select(['id', 'name', 'kind', 'size_class', 'visibility', 'user_id'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** Names and visibility of initiatives (or alliances), by id. */
export async function initiativeNames(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
  table: 'initiatives' | 'alliances' = 'initiatives',
) {
  const out = new Map<string, { name: string; visibility: Visibility }>();
  const all = unique(ids);
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'name', 'visibility'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', all.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** CBS codes of areas and Dutch labels of terms, by id (the CSV export). */
export async function codesAndLabels(db: Db, workspaceId: string) {
  const [areas, terms] = await Promise.all([
    db.selectFrom('areas').select(['id', 'code']).where('workspace_id', '=', workspaceId).execute(),
    db
      .selectFrom('taxonomy_terms')
      .select(['id', 'label_nl'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
  ]);
  return {
    areaCode: new Map(areas.map((a) => [a.id, a.code])),
    termLabel: new Map(terms.map((t) => [t.id, t.label_nl])),
  };
}

/** Organisations, persons, initiatives and alliances of the workspace, by id (the demo generator). */
export async function fundingParties(db: Db, workspaceId: string) {
  const [actors, initiatives, alliances] = await Promise.all([
    db
      .selectFrom('actors')
      .select(['id', 'kind', 'size_class', 'org_kind'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('initiatives')
      .select(['id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('alliances')
      .select(['id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    actors,
    initiatives: initiatives.map((i) => i.id),
    alliances: alliances.map((a) => a.id),
  };
}

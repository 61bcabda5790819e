import type { Db } from '../../db/dialect.ts';

// What overlap detection and ally suggestions read: one query per input kind (activities, their
// areas, their terms, actors, current ties, funding links), each over the whole workspace or the
// given areas, with only the columns the analytics need. The service joins them in memory (no
// query per record). Kysely only; every query filters on the workspace.

export interface ActivityInputFilter {
  /** Only activities in any of these areas (ally suggestions); all when undefined. */
  areaIds?: readonly string[] | undefined;
  /**
   * Only activities in any of these area × domain cells (the cells of changed actors: every
   * partner's activity that can share a cell with them).
   */
  cells?: readonly (readonly [areaId: string, domainId: string])[] | undefined;
  /** Only activities of these actors. */
  actorIds?: readonly string[] | undefined;
}

const CHUNK = 400;

export async function inputActivities(db: Db, workspaceId: string, f: ActivityInputFilter = {}) {
  let q = activitiesQuery(db, workspaceId);
  if (f.actorIds !== undefined) {
    if (f.actorIds.length === 0) return [];
    q = q.where('a.actor_id', 'in', [...f.actorIds]);
  }
  if (f.areaIds !== undefined) {
    if (f.areaIds.length === 0) return [];
    q = q.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('record_areas as ra')
        .select('ra.record_id')
        .where('ra.area_id', 'in', [...f.areaIds!])
        .where('ra.record_type', '=', 'activity'),
    );
  }
  if (f.cells !== undefined) return inCells(q, f.cells);
  return q.execute();
}

type ActivityQuery = ReturnType<typeof activitiesQuery>;
const activitiesQuery = (db: Db, workspaceId: string) =>
  db
    .selectFrom('activities as a')
    .select(['a.id', 'a.actor_id', 'a.start_date', 'a.end_date', 'a.hours_per_week'])
    .where('a.workspace_id', '=', workspaceId);

/**
 * The activities of `q` linked to an area and a domain forming one of `cells`: found from the
 * area links (their area index), joined to the term links of the same record, kept when the
 * (area, term) pair is a cell; in chunks of cells.
 */
async function inCells(q: ActivityQuery, cells: readonly (readonly [string, string])[]) {
  const out = new Map<string, Awaited<ReturnType<ActivityQuery['execute']>>[number]>();
  for (let i = 0; i < cells.length; i += CHUNK) {
    const part = cells.slice(i, i + CHUNK);
    const rows = await q
      .where('a.id', 'in', (eb) =>
        eb
          .selectFrom('record_areas as ra')
          .innerJoin('record_terms as rt', (j) =>
            j
              .onRef('rt.record_id', '=', 'ra.record_id')
              .onRef('rt.record_type', '=', 'ra.record_type'),
          )
          .select('ra.record_id')
          .where('ra.record_type', '=', 'activity')
          .where('ra.area_id', 'in', [...new Set(part.map((c) => c[0]))])
          .where((w) =>
            w(
              w.refTuple('ra.area_id', 'rt.term_id'),
              'in',
              part.map(([area, domain]) => w.tuple(area, domain)),
            ),
          ),
      )
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return [...out.values()];
}

/** Area links of the workspace's activities (all, or of the given activities). */
export async function inputActivityAreas(
  db: Db,
  workspaceId: string,
  activityIds?: readonly string[],
) {
  const base = () =>
    db
      .selectFrom('record_areas')
      .select(['record_id', 'area_id'])
      .where('workspace_id', '=', workspaceId)
      .where('record_type', '=', 'activity');
  if (activityIds === undefined) return base().execute();
  return chunked(activityIds, (ids) => base().where('record_id', 'in', ids).execute());
}

/** Domain and target-group links of the workspace's activities, with the term's kind. */
export async function inputActivityTerms(
  db: Db,
  workspaceId: string,
  activityIds?: readonly string[],
) {
  const base = () =>
    db
      .selectFrom('record_terms as rt')
      .innerJoin('taxonomy_terms as t', 't.id', 'rt.term_id')
      .select(['rt.record_id', 'rt.term_id', 't.kind'])
      .where('rt.workspace_id', '=', workspaceId)
      .where('rt.record_type', '=', 'activity');
  if (activityIds === undefined) return base().execute();
  return chunked(activityIds, (ids) => base().where('rt.record_id', 'in', ids).execute());
}

/** The workspace's actors, or only those with these ids. */
export async function inputActors(db: Db, workspaceId: string, ids?: readonly string[]) {
  const base = () =>
    db
      .selectFrom('actors')
      .select(['id', 'kind', 'size_class', 'name', 'visibility', 'user_id'])
      .where('workspace_id', '=', workspaceId);
  if (ids === undefined) return base().execute();
  return chunked(ids, (part) => base().where('id', 'in', part).execute());
}

/**
 * Recorded ties current on `day` (started, not ended), optionally only those of one actor. Survey
 * ties are left out, as in the network: they are a round's snapshot, not recorded ties.
 */
export async function inputTies(
  db: Db,
  workspaceId: string,
  day: string,
  actorIds?: readonly string[],
) {
  const q = db
    .selectFrom('ties')
    .select(['from_actor_id', 'to_actor_id', 'type'])
    .where('workspace_id', '=', workspaceId)
    .where('source', '!=', 'survey')
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]));
  if (actorIds === undefined) return q.execute();
  const rows = await chunked(actorIds, (ids) =>
    q
      .select('id')
      .where((eb) => eb.or([eb('from_actor_id', 'in', ids), eb('to_actor_id', 'in', ids)]))
      .execute(),
  );
  // A tie between two chunks' actors comes back twice.
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/**
 * Funder → recipient actor of every funding flow to an actor that is not private: a signal's
 * parties see its shared-funder count, which must not reveal a flow they may not see.
 */
export async function inputFundingLinks(
  db: Db,
  workspaceId: string,
  recipientIds?: readonly string[],
) {
  const base = () =>
    db
      .selectFrom('funding_flows')
      .select(['funder_id', 'recipient_actor_id'])
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('visibility', '!=', 'private')
      .where('recipient_actor_id', 'is not', null);
  if (recipientIds === undefined) return base().execute();
  return chunked(recipientIds, (ids) => base().where('recipient_actor_id', 'in', ids).execute());
}

/** Providers with a support offer running on `day` (steunaanbod: capacity for ally suggestions). */
export const inputOfferProviders = (db: Db, workspaceId: string, day: string) =>
  db
    .selectFrom('support_offers')
    .select('provider_id')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('start_date', '<=', day)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', day)]))
    .execute();

/** The workspace's slug and directory version now (detection records which version it read). */
export async function workspaceState(db: Db, workspaceId: string) {
  const row = await db
    .selectFrom('workspaces')
    .select(['slug', 'directory_version'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { slug: row.slug, version: Number(row.directory_version) };
}

async function chunked<T>(
  ids: readonly string[],
  run: (ids: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK)
    out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

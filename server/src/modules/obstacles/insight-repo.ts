import type { Db } from '../../db/dialect.ts';
import { bumpDirectoryVersion } from '../records/version.ts';

// Reads for the dashboard and report (names, counted columns, links), and the version that
// retires the cached dashboard.

/**
 * Marks the workspace's obstacle read models (the cached dashboard, dashboard-cache.ts) as changed:
 * every server process misses from its next request on. Call it inside the writing transaction,
 * so the new version and the new data commit together. The counter is the workspace's
 * `directory_version` (see dashboard-cache.ts for why).
 */
export const bumpObstacleVersion = (db: Db, workspaceId: string): Promise<void> =>
  bumpDirectoryVersion(db, workspaceId);

export async function areaNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function domainLabels(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'label_nl', 'label_en'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'domain')
    .execute();
  return new Map(rows.map((r) => [r.id, { nl: r.label_nl, en: r.label_en }]));
}

export const workspaceName = async (db: Db, workspaceId: string) =>
  (
    await db
      .selectFrom('workspaces')
      .select(['name', 'slug'])
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).name;

/** The latest explanation per obstacle (the owner's final word, for the report). */
export async function lastExplanations(db: Db, workspaceId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('obstacle_events as e')
    .innerJoin('obstacles as o', 'o.id', 'e.obstacle_id')
    .select(['e.obstacle_id', 'e.note', 'e.created_at'])
    .where('e.workspace_id', '=', workspaceId)
    .where('e.kind', '=', 'status')
    .where('e.note', 'is not', null)
    .where('o.created_at', '>=', from)
    .where('o.created_at', '<', to)
    .orderBy('e.created_at')
    .execute();
  return new Map(rows.map((r) => [r.obstacle_id, r.note ?? '']));
}

/** Created in [from, to): a year. */
export type Range = readonly [from: string, to: string];

/** The columns the dashboard counts, of the obstacles created in the range (all without one). */
export async function dashboardObstacles(db: Db, workspaceId: string, range?: Range) {
  let q = db
    .selectFrom('obstacles')
    .select([
      'id',
      'category',
      'status',
      'owner_id',
      'hidden_at',
      'created_at',
      'first_response_at',
      'resolved_at',
    ])
    .where('workspace_id', '=', workspaceId);
  if (range) q = q.where('created_at', '>=', range[0]).where('created_at', '<', range[1]);
  return q.orderBy('created_at').orderBy('id').execute();
}

const group = (rows: readonly (readonly [string, string])[]) => {
  const out = new Map<string, string[]>();
  for (const [obstacleId, id] of rows) {
    const list = out.get(obstacleId);
    if (list) list.push(id);
    else out.set(obstacleId, [id]);
  }
  return out;
};

/**
 * Areas, domains and endorsement counts of the obstacles created in the range (all without one):
 * one pass over each link table, narrowed through the obstacles' (workspace, created) index when
 * a year is asked for.
 */
export async function dashboardLinks(db: Db, workspaceId: string, range?: Range) {
  const inRange = (r: Range) =>
    db
      .selectFrom('obstacles')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', r[0])
      .where('created_at', '<', r[1]);
  let areas = db
    .selectFrom('obstacle_areas')
    .select(['obstacle_id', 'area_id'])
    .where('workspace_id', '=', workspaceId);
  let domains = db
    .selectFrom('obstacle_domains')
    .select(['obstacle_id', 'term_id'])
    .where('workspace_id', '=', workspaceId);
  let endorsements = db
    .selectFrom('obstacle_endorsements')
    .select(['obstacle_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('workspace_id', '=', workspaceId);
  if (range) {
    areas = areas.where('obstacle_id', 'in', inRange(range));
    domains = domains.where('obstacle_id', 'in', inRange(range));
    endorsements = endorsements.where('obstacle_id', 'in', inRange(range));
  }
  const [a, d, e] = await Promise.all([
    areas.orderBy('obstacle_id').orderBy('area_id').execute(),
    domains.orderBy('obstacle_id').orderBy('term_id').execute(),
    endorsements.groupBy('obstacle_id').execute(),
  ]);
  return {
    areaIds: group(a.map((r) => [r.obstacle_id, r.area_id] as const)),
    domainIds: group(d.map((r) => [r.obstacle_id, r.term_id] as const)),
    endorsements: new Map(e.map((r) => [r.obstacle_id, Number(r.n)])),
  };
}

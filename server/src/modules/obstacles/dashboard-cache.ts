import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { FinishedJson } from '../../http/send-json.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { defaultTrend, type Dashboard } from './dashboard.ts';
import { getDashboard, type DashboardQuery } from './insight-service.ts';

/**
 * The policy dashboard through the read cache (records/read-cache.ts), as its finished JSON.
 * It is the same for every reader of the workspace (hidden, merged and withdrawn obstacles are
 * left out for everyone, moderators too), so the key is the workspace, its version and the year;
 * the permission is checked before the cache is consulted, and errors are never cached.
 *
 * The version is the workspace's `directory_version`, which authentication reads with the
 * session: a hit costs no query. The dashboard depends on the directory already (area names and
 * domain labels, whose writes raise it), and every obstacle write raises it too, in its
 * transaction (`bumpObstacleVersion` in insight-repo.ts), so every server process misses from its
 * next request on. The price is that an obstacle write also retires the directory's cached pages
 * of that workspace; reports and endorsements come at the pace of people, so that is cheap. A
 * counter of its own would need a column (a migration) and change nothing else here.
 */

export function cachedDashboardJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  q: DashboardQuery,
  toJson: (d: Dashboard) => string,
): Promise<FinishedJson> {
  assertCan(actor, 'obstacles.read', ws.id);
  const trend = `${q.trendBy ?? defaultTrend.by}:${q.period ?? defaultTrend.period}`;
  const key = `${ws.id}:${ws.directory_version}:all:obstacle-dashboard:${q.year ?? 'all'}:${trend}`;
  // Readers arriving while it is computed share the computation (ReadCache).
  return readCacheFor(ctx.db).get(
    key,
    async () => new FinishedJson(toJson(await getDashboard(ctx, actor, ws.id, q))),
  );
}

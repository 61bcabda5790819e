import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { FinishedJson } from '../../http/send-json.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { fundingDashboard } from './dashboard-service.ts';
import type { FundingDashboard } from './schema.ts';

/**
 * The funding dashboard through the read cache (records/read-cache.ts), as its finished JSON
 * (http/send-json.ts). It counts every flow whatever its visibility (aggregates only), so it is the same for
 * every reader: the key is the workspace, its version and the area. The version is the
 * workspace's `directory_version`, read with the session (a hit costs no query); the dashboard
 * depends on the directory already (recipients' kind and size class, areas), and every funding
 * write raises it in its transaction (service.ts), so every process misses from its next request
 * on. The permission is checked before the cache is consulted, and errors (an unknown area) are
 * never cached. Readers arriving while it is computed share the
 * computation.
 */
export function cachedFundingDashboardJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  q: { areaId?: string | undefined },
  toJson: (d: FundingDashboard) => string,
): Promise<FinishedJson> {
  assertCan(actor, 'funding.read', ws.id);
  const key = `${ws.id}:${ws.directory_version}:all:funding-dashboard:${q.areaId ?? ''}`;
  return readCacheFor(ctx.db).get(
    key,
    async () => new FinishedJson(toJson(await fundingDashboard(ctx, actor, ws.id, q))),
  );
}

import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { fundingDashboard } from './dashboard-service.ts';
import type { FundingDashboard } from './schema.ts';

/**
 * The funding dashboard through the read cache (records/read-cache.ts), as its finished JSON
 * bytes. It counts every flow whatever its visibility (aggregates only), so it is the same for
 * every reader: the key is the workspace, its version and the area. The version is the
 * workspace's `directory_version`, read with the session (a hit costs no query); the dashboard
 * depends on the directory already (recipients' kind and size class, areas), and every funding
 * write raises it in its transaction (service.ts), so every process misses from its next request
 * on. The permission is checked before the cache is consulted, and errors (an unknown area) are
 * never cached. Readers arriving while it is computed share the
 * computation.
 */
const inFlight = new WeakMap<object, Map<string, Promise<Buffer>>>();

export function cachedFundingDashboardJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  q: { areaId?: string | undefined },
  toJson: (d: FundingDashboard) => string,
): Promise<Buffer> {
  assertCan(actor, 'funding.read', ws.id);
  const key = `${ws.id}:${ws.directory_version}:all:funding-dashboard:${q.areaId ?? ''}`;
  let running = inFlight.get(ctx.db);
  if (!running) inFlight.set(ctx.db, (running = new Map()));
  const pending = running;
  const cache = readCacheFor(ctx.db);
  return cache.get(key, () => {
    let p = pending.get(key);
    if (!p) {
      p = fundingDashboard(ctx, actor, ws.id, q)
        .then((d) => Buffer.from(toJson(d)))
        .finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  });
}

import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { viewerOf } from '../records/visibility.ts';
import { getMapLayer } from './map-layer.ts';
import { getAreaOverview } from './overview.ts';
import { envelope, pageBounds, type PageQuery } from '../../http/pagination.ts';
import {
  mapLayerSchema,
  overviewSchema,
  searchPageSchema,
  type MapLayerQuery,
  type SearchFilters,
} from './schema.ts';
import { searchDirectory } from './service.ts';
import { FinishedJson } from '../../http/send-json.ts';

/**
 * The directory's reads through the read cache (records/read-cache.ts). A key holds the workspace's
 * `directory_version` (raised by every write to search entries, links, areas, indicators and
 * terms, in the writing transaction), what the viewer may see, and the request. Coordinators and
 * admins see everything and share entries; other members get their own (they also see their own
 * private carrier). The permission is checked before the cache is consulted, and errors (400, 404)
 * are never cached. The larger answers (map layers, area pages) are cached as their finished JSON
 * text, made by their response schema (only declared fields leave), so a hit skips serialising.
 */
function viewerKey(actor: Actor, workspaceId: string): string {
  const viewer = viewerOf(actor, workspaceId);
  if (viewer.seesPrivate) return 'all';
  return viewer.member ? `member:${viewer.userId ?? ''}` : 'public';
}

const keyOf = (actor: Actor, ws: Workspace, what: string, input: unknown) =>
  `${ws.id}:${ws.directory_version}:${viewerKey(actor, ws.id)}:${what}:${JSON.stringify(input)}`;

/** A search page as its JSON text (the envelope included) and its total (for the Link header). */
export function cachedSearchJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  filters: SearchFilters,
  q: PageQuery,
): Promise<{ total: number; json: FinishedJson }> {
  assertCan(actor, 'directory.read', ws.id);
  return readCacheFor(ctx.db).get(keyOf(actor, ws, 'search', [filters, q]), async () => {
    const result = await searchDirectory(ctx, actor, ws.id, filters, pageBounds(q));
    return {
      total: result.total,
      json: new FinishedJson(JSON.stringify(searchPageSchema.parse(envelope(q, result)))),
    };
  });
}

/** The map layer as finished JSON (http/send-json.ts). */
export function cachedMapLayerJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  q: MapLayerQuery,
): Promise<FinishedJson> {
  assertCan(actor, 'directory.read', ws.id);
  return readCacheFor(ctx.db).get(
    keyOf(actor, ws, 'map', q),
    async () =>
      new FinishedJson(
        JSON.stringify(mapLayerSchema.parse(await getMapLayer(ctx, actor, ws.id, q))),
      ),
  );
}

/** The area page as finished JSON. */
export function cachedAreaOverviewJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  areaId: string,
): Promise<FinishedJson> {
  assertCan(actor, 'areas.read', ws.id);
  return readCacheFor(ctx.db).get(
    keyOf(actor, ws, 'overview', areaId),
    async () =>
      new FinishedJson(
        JSON.stringify(overviewSchema.parse(await getAreaOverview(ctx, actor, ws.id, areaId))),
      ),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { setPageLinks } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { cachedAreaOverviewJson, cachedMapLayerJson, cachedSearchJson } from './cached.ts';
import {
  mapLayerQuery,
  mapLayerSchema,
  overviewParams,
  overviewSchema,
  searchPageSchema,
  searchQuery,
} from './schema.ts';
import { sendJson } from '../../http/send-json.ts';

export function directoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const W = '/api/v1/workspaces/:workspaceSlug';

  r.get(`${W}/search`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags: ['Directory'],
      operationId: 'searchDirectory',
      summary: 'Find actors, activities and initiatives by words and filters',
      description:
        'Every word of `q` must match the start of a word (case and diacritics are ignored). ' +
        'Ordered by name, then type and id. Only records the caller may see.',
      params: workspaceParams,
      querystring: searchQuery,
      response: { 200: searchPageSchema, ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filters } = request.query;
      const q = { page, pageSize };
      const { total, json } = await cachedSearchJson(
        ctx,
        request.actor,
        requireWorkspace(request),
        filters,
        q,
      );
      setPageLinks(request, reply, q, total);
      return sendJson(request, reply, json);
    },
  });

  r.get(`${W}/map-layer`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags: ['Directory'],
      operationId: 'getMapLayer',
      summary: 'Areas of one level as GeoJSON with a measure per area (choropleth)',
      description:
        'The latest CBS year of the level; display geometries in WGS84 rounded to 5 decimals. ' +
        'Counts include only what the caller may see.',
      params: workspaceParams,
      querystring: mapLayerQuery,
      response: { 200: mapLayerSchema, ...problems() },
    },
    handler: async (request, reply) =>
      sendJson(
        request,
        reply,
        await cachedMapLayerJson(ctx, request.actor, requireWorkspace(request), request.query),
      ),
  });

  r.get(`${W}/areas/:areaId/overview`, {
    config: { policy: policy.workspace('areas.read') },
    schema: {
      tags: ['Areas'],
      operationId: 'getAreaOverview',
      summary: 'The area page: figures over the years, who does what, initiatives and carriers',
      params: overviewParams,
      response: { 200: overviewSchema, ...problems() },
    },
    handler: async (request, reply) =>
      sendJson(
        request,
        reply,
        await cachedAreaOverviewJson(
          ctx,
          request.actor,
          requireWorkspace(request),
          request.params.areaId,
        ),
      ),
  });
}

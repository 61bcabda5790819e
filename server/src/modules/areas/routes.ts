import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import {
  areaFeatureSchema,
  areaImportBody,
  areaImportReportSchema,
  areaListQuery,
  areaParams,
  areaSummarySchema,
} from './schema.ts';
import { getArea, getAreas, importAreas } from './service.ts';

/** A whole municipality's buurten with full boundaries is a few MB; leave room for large cities. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export function areaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Areas'];

  r.get('/api/v1/workspaces/:workspaceSlug/areas', {
    config: { policy: policy.workspace('areas.read') },
    schema: {
      tags,
      operationId: 'listAreas',
      summary: 'Areas (gemeente, wijken, buurten) of the workspace, without boundaries',
      params: workspaceParams,
      querystring: areaListQuery,
      response: { 200: pageOf(areaSummarySchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getAreas(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          { level: request.query.level },
          pageBounds(request.query),
        ),
      ),
  });

  r.get('/api/v1/workspaces/:workspaceSlug/areas/:areaId', {
    config: { policy: policy.workspace('areas.read') },
    schema: {
      tags,
      operationId: 'getArea',
      summary: 'One area as a GeoJSON Feature (WGS84) with its indicators per year',
      params: areaParams,
      response: { 200: areaFeatureSchema, ...problems() },
    },
    handler: (request) =>
      getArea(ctx, request.actor, requireWorkspace(request).id, request.params.areaId),
  });

  r.post('/api/v1/workspaces/:workspaceSlug/area-imports', {
    config: { policy: policy.workspace('areas.manage') },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'importAreas',
      summary: 'Import area boundaries from GeoJSON (all or nothing)',
      description:
        'WGS84 or RD New (EPSG:28992). Any invalid feature, duplicate code or code of another municipality and nothing is imported; the 400 problem lists every bad feature in `errors` (pointer `/features/<index>`).',
      params: workspaceParams,
      body: areaImportBody,
      response: { 201: areaImportReportSchema, ...problems(413) },
    },
    handler: async (request, reply) => {
      const report = await importAreas(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.body.geojson,
        { year: request.body.year, crs: request.body.crs },
      );
      return reply.code(201).send(report);
    },
  });
}

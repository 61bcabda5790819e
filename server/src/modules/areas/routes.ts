import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import {
  failInterruptedRuns,
  getAreaImportRun,
  startAreaImportRun,
  stopAreaImportRuns,
} from './runs.ts';
import {
  areaFeatureSchema,
  areaImportBody,
  areaImportPreviewSchema,
  areaImportReportSchema,
  areaImportRunParams,
  areaImportRunSchema,
  areaImportRunStartedSchema,
  areaListQuery,
  areaParams,
  areaSummarySchema,
} from './schema.ts';
import { getArea, getAreas, importAreas, previewAreaImport } from './service.ts';

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
      summary: 'Import area boundaries from GeoJSON (all or nothing), or preview the import',
      description:
        'WGS84 or RD New (EPSG:28992). Any invalid feature (bad or duplicate code, a code of another municipality, an empty, open or self-intersecting ring, text that is not UTF-8) and nothing is imported; the 400 problem lists every bad feature in `errors` (pointer `/features/<index>`, the first 1000). With `dryRun` the file is checked the same way and the answer (200) previews what would be created and updated; nothing is written.',
      params: workspaceParams,
      body: areaImportBody,
      response: {
        200: areaImportPreviewSchema,
        201: areaImportReportSchema,
        ...problems(413),
      },
    },
    handler: async (request, reply) => {
      const { geojson, year, crs, dryRun } = request.body;
      const workspaceId = requireWorkspace(request).id;
      if (dryRun)
        return reply
          .code(200)
          .send(await previewAreaImport(ctx, request.actor, workspaceId, geojson, { year, crs }));
      const report = await importAreas(ctx, request.actor, workspaceId, geojson, { year, crs });
      return reply.code(201).send(report);
    },
  });

  r.post('/api/v1/workspaces/:workspaceSlug/area-import-runs', {
    config: { policy: policy.workspace('areas.manage') },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'startAreaImportRun',
      summary: 'Start an area import in the background',
      description:
        'The body of `area-imports`. Answers 202 at once with the run; poll `GET area-import-runs/{runId}` for progress and the outcome. The import itself is all or nothing (one transaction). One run at a time per workspace (409).',
      params: workspaceParams,
      body: areaImportBody,
      response: { 202: areaImportRunStartedSchema, ...problems(409, 413) },
    },
    handler: async (request, reply) => {
      const run = await startAreaImportRun(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.body,
      );
      return reply
        .code(202)
        .header('location', `${request.url.split('?')[0]}/${run.id}`)
        .send(run);
    },
  });

  r.get('/api/v1/workspaces/:workspaceSlug/area-import-runs/:runId', {
    config: { policy: policy.workspace('areas.manage') },
    schema: {
      tags,
      operationId: 'getAreaImportRun',
      summary: 'Progress and outcome of a background area import',
      params: areaImportRunParams,
      response: { 200: areaImportRunSchema, ...problems() },
    },
    handler: (request) =>
      getAreaImportRun(ctx, request.actor, requireWorkspace(request).id, request.params.runId),
  });

  // A run left 'running' by a stopped process failed. Running imports stop with the server:
  // preClose, because root onClose hooks run last-registered first and app.ts's closes the database.
  app.addHook('onReady', async () => {
    await failInterruptedRuns(ctx);
  });
  app.addHook('preClose', async () => {
    await stopAreaImportRuns(ctx);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import { achievementRoutes } from './achievements-routes.ts';
import {
  initiativeCreateBody,
  initiativeDetailSchema,
  initiativeListQuery,
  initiativeParams,
  initiativeSchema,
  initiativeUpdateBody,
} from './schema.ts';
import {
  changeInitiative,
  createInitiative,
  getInitiative,
  getInitiatives,
  removeInitiative,
} from './service.ts';
import { getTrackRecord, trackRecordParams, trackRecordSchema } from './track-record.ts';

const writeRule =
  'Coordinators and admins; other members only as a carrier of the initiative (their own carrier listed with role carrier; 403 otherwise). Unknown or unseen actors, areas and terms, a wrong term kind and periods that end before they start are all listed in one 400; nothing is saved.';

export function initiativeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Initiatives'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const path = `${W}/initiatives`;

  r.get(path, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'listInitiatives',
      summary: 'Initiatives and projects the caller may see, by name',
      params: workspaceParams,
      querystring: initiativeListQuery,
      response: { 200: pageOf(initiativeSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getInitiatives(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          { status: request.query.status },
          pageBounds(request.query),
        ),
      ),
  });

  r.post(path, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'createInitiative',
      summary: 'Record an initiative with its carriers and partners',
      description: writeRule,
      params: workspaceParams,
      body: initiativeCreateBody,
      response: { 201: initiativeDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createInitiative(ctx, request.actor, requireWorkspace(request).id, request.body),
        ),
  });

  r.get(`${path}/:initiativeId`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'getInitiative',
      summary: 'One initiative with its participants, activities, results and recognitions',
      params: initiativeParams,
      response: { 200: initiativeDetailSchema, ...problems() },
    },
    handler: (request) =>
      getInitiative(ctx, request.actor, requireWorkspace(request).id, request.params.initiativeId),
  });

  r.patch(`${path}/:initiativeId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'updateInitiative',
      summary: 'Change an initiative; lists replace, null clears',
      description: writeRule,
      params: initiativeParams,
      body: initiativeUpdateBody,
      response: { 200: initiativeDetailSchema, ...problems() },
    },
    handler: (request) =>
      changeInitiative(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.initiativeId,
        request.body,
      ),
  });

  r.delete(`${path}/:initiativeId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'deleteInitiative',
      summary:
        'Delete an initiative; its activities, results and recognitions stay with the carriers',
      params: initiativeParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeInitiative(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.initiativeId,
      );
      return reply.code(204).send(null);
    },
  });

  achievementRoutes(app, ctx);

  r.get(`${W}/actors/:actorId/track-record`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'getTrackRecord',
      summary: "A carrier's history: initiatives, activities, results, recognitions, affiliations",
      description:
        'Across initiatives and years; an ended initiative stays in it. 404 when the actor is not visible to the caller.',
      params: trackRecordParams,
      response: { 200: trackRecordSchema, ...problems() },
    },
    handler: (request) =>
      getTrackRecord(ctx, request.actor, requireWorkspace(request).id, request.params.actorId),
  });
}

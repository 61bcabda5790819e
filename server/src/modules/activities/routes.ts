import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import {
  activityCreateBody,
  activityDetailSchema,
  activityListQuery,
  activityParams,
  activitySchema,
  activityUpdateBody,
} from './schema.ts';
import {
  changeActivity,
  createActivity,
  getActivities,
  getActivity,
  removeActivity,
} from './service.ts';

const writeRule =
  'Coordinators and admins for any actor; other members only for the carrier linked to their own account (403 otherwise). Unknown or unseen actors, initiatives, areas and terms, a wrong term kind, an end before the start and hours outside 0–168 are all listed in one 400; nothing is saved.';

export function activityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Activities'];
  const path = '/api/v1/workspaces/:workspaceSlug/activities';

  r.get(path, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'listActivities',
      summary: 'Who does what where: activities the caller may see, newest start first',
      params: workspaceParams,
      querystring: activityListQuery,
      response: { 200: pageOf(activitySchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getActivities(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          { actorId: request.query.actorId, initiativeId: request.query.initiativeId },
          pageBounds(request.query),
        ),
      ),
  });

  r.post(path, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'createActivity',
      summary: 'Record what an actor does, where, for whom and when',
      description: writeRule,
      params: workspaceParams,
      body: activityCreateBody,
      response: { 201: activityDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createActivity(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${path}/:activityId`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'getActivity',
      summary: 'One activity (404 when its actor is not visible to the caller)',
      params: activityParams,
      response: { 200: activityDetailSchema, ...problems() },
    },
    handler: (request) =>
      getActivity(ctx, request.actor, requireWorkspace(request).id, request.params.activityId),
  });

  r.patch(`${path}/:activityId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'updateActivity',
      summary: 'Change an activity; lists replace, null clears',
      description: writeRule,
      params: activityParams,
      body: activityUpdateBody,
      response: { 200: activityDetailSchema, ...problems() },
    },
    handler: (request) =>
      changeActivity(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.activityId,
        request.body,
      ),
  });

  r.delete(`${path}/:activityId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'deleteActivity',
      summary: 'Delete an activity and its search entry',
      params: activityParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeActivity(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.activityId,
      );
      return reply.code(204).send(null);
    },
  });
}

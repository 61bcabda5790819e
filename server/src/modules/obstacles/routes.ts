import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { insightRoutes } from './insight-routes.ts';
import { moderationRoutes } from './moderation-routes.ts';
import { assignOwner, respondToObstacle } from './response-service.ts';
import {
  assignBody,
  endorseBody,
  obstacleCreateBody,
  obstacleDetailSchema,
  obstacleListQuery,
  obstacleParams,
  obstacleSchema,
  respondBody,
} from './schema.ts';
import {
  endorseObstacle,
  getObstacle,
  getObstacles,
  reportObstacle,
  withdrawObstacle,
} from './service.ts';

export function obstacleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Obstacles'];
  const path = '/api/v1/workspaces/:workspaceSlug/obstacles';
  const one = `${path}/:obstacleId`;

  r.get(path, {
    config: { policy: policy.workspace('obstacles.read') },
    schema: {
      tags,
      operationId: 'listObstacles',
      summary: 'Obstacles (knelpunten), newest first; hidden ones only for coordinators',
      params: workspaceParams,
      querystring: obstacleListQuery,
      response: { 200: pageOf(obstacleSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getObstacles(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(path, {
    config: { policy: policy.workspace('obstacles.report') },
    schema: {
      tags,
      operationId: 'reportObstacle',
      summary: 'Report an obstacle, named or anonymously',
      description:
        'Anonymous reports store no reporter, the time only to the day, and write no audit event or log line that links them to the caller; at most 5 per hour per account (counted in memory under a rotating key, 429 beyond).',
      params: workspaceParams,
      body: obstacleCreateBody,
      response: { 201: obstacleDetailSchema, ...problems(429) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await reportObstacle(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(one, {
    config: { policy: policy.workspace('obstacles.read') },
    schema: {
      tags,
      operationId: 'getObstacle',
      summary: 'One obstacle with its endorsements (without names) and, for followers, its history',
      params: obstacleParams,
      response: { 200: obstacleDetailSchema, ...problems() },
    },
    handler: (request) =>
      getObstacle(ctx, request.actor, requireWorkspace(request).id, request.params.obstacleId),
  });

  r.post(`${one}/endorsements`, {
    config: { policy: policy.workspace('obstacles.report') },
    schema: {
      tags,
      operationId: 'endorseObstacle',
      summary: '"Ik herken dit": recognise an obstacle, once per person',
      description: '409 already_endorsed, own_report or obstacle_closed.',
      params: obstacleParams,
      body: endorseBody,
      response: { 201: obstacleDetailSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await endorseObstacle(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.obstacleId,
            request.body,
          ),
        ),
  });

  r.put(`${one}/owner`, {
    config: { policy: policy.workspace('obstacles.moderate') },
    schema: {
      tags,
      operationId: 'assignObstacleOwner',
      summary: 'Route an open obstacle to an owner, with a due date; its members are emailed',
      params: obstacleParams,
      body: assignBody,
      response: { 200: obstacleDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      assignOwner(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.obstacleId,
        request.body,
      ),
  });

  r.post(`${one}/responses`, {
    config: { policy: policy.workspace('obstacles.respond') },
    schema: {
      tags,
      operationId: 'respondToObstacle',
      summary: "The owner's next step; the named reporter and endorsers are emailed",
      description:
        'Only members of the assigned owner (403). reported → acknowledged → in_progress → resolved / unresolvable / forwarded, one step at a time (409 invalid_transition); unresolvable and forwarded need an explanation (400).',
      params: obstacleParams,
      body: respondBody,
      response: { 201: obstacleDetailSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await respondToObstacle(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.obstacleId,
            request.body,
          ),
        ),
  });

  r.post(`${one}/withdrawal`, {
    config: { policy: policy.workspace('obstacles.report') },
    schema: {
      tags,
      operationId: 'withdrawObstacle',
      summary: 'The named reporter withdraws their open report (nobody can for anonymous ones)',
      params: obstacleParams,
      response: { 200: obstacleDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      withdrawObstacle(ctx, request.actor, requireWorkspace(request).id, request.params.obstacleId),
  });

  moderationRoutes(app, ctx);
  insightRoutes(app, ctx);
}

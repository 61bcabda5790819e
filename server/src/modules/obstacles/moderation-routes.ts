import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { mergeObstacle, moderateObstacle, redactObstacle } from './moderation-service.ts';
import { createOwner, getOwners } from './owners-service.ts';
import {
  mergeBody,
  moderationBody,
  obstacleDetailSchema,
  obstacleParams,
  ownerCreateBody,
  ownerSchema,
  redactBody,
} from './schema.ts';

export function moderationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Obstacles'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const one = `${W}/obstacles/:obstacleId`;
  const moderate = policy.workspace('obstacles.moderate');

  r.post(`${one}/merge`, {
    config: { policy: moderate },
    schema: {
      tags,
      operationId: 'mergeObstacle',
      summary: 'Merge a duplicate into another obstacle; endorsements move there',
      params: obstacleParams,
      body: mergeBody,
      response: { 200: obstacleDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      mergeObstacle(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.obstacleId,
        request.body.intoId,
      ),
  });

  r.post(`${one}/redactions`, {
    config: { policy: moderate },
    schema: {
      tags,
      operationId: 'redactObstacle',
      summary:
        'Remove personal details from a text; the history logs field and reason, not the text',
      params: obstacleParams,
      body: redactBody,
      response: { 201: obstacleDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await redactObstacle(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.obstacleId,
            request.body,
          ),
        ),
  });

  r.put(`${one}/moderation`, {
    config: { policy: moderate },
    schema: {
      tags,
      operationId: 'moderateObstacle',
      summary: 'Hide abusive content (or show it again), with a logged reason',
      params: obstacleParams,
      body: moderationBody,
      response: { 200: obstacleDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      moderateObstacle(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.obstacleId,
        request.body,
      ),
  });

  r.get(`${W}/obstacle-owners`, {
    config: { policy: policy.workspace('obstacles.read') },
    schema: {
      tags,
      operationId: 'listObstacleOwners',
      summary: 'Owners obstacles can be routed to, by name',
      params: workspaceParams,
      response: { 200: z.object({ items: z.array(ownerSchema) }), ...problems() },
    },
    handler: async (request) => ({
      items: await getOwners(ctx, request.actor, requireWorkspace(request).id),
    }),
  });

  r.post(`${W}/obstacle-owners`, {
    config: { policy: moderate },
    schema: {
      tags,
      operationId: 'createObstacleOwner',
      summary:
        'Add an owner: an organisation of the directory or a department, with its responders',
      params: workspaceParams,
      body: ownerCreateBody,
      response: { 201: ownerSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createOwner(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });
}

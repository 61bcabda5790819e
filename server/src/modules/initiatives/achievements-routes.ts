import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import {
  achievementCreateBody,
  achievementDetailSchema,
  achievementListQuery,
  achievementParams,
  achievementSchema,
  achievementUpdateBody,
} from './achievements-schema.ts';
import {
  changeAchievement,
  createAchievement,
  getAchievement,
  getAchievements,
  removeAchievement,
} from './achievements-service.ts';

const writeRule =
  'Coordinators and admins; other members when their own carrier is credited or carries the initiative (403 otherwise). Unknown or unseen actors and initiatives, and no credited actor, are all listed in one 400; nothing is saved.';

/** Results (what, when, evidence) and recognitions (awards, press, thanks) of initiatives. */
export function achievementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Initiatives'];
  const path = '/api/v1/workspaces/:workspaceSlug/achievements';

  r.get(path, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'listAchievements',
      summary: 'Results and recognitions the caller may see, most recent first',
      params: workspaceParams,
      querystring: achievementListQuery,
      response: { 200: pageOf(achievementSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { initiativeId, actorId } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getAchievements(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          { initiativeId, actorId },
          pageBounds(request.query),
        ),
      );
    },
  });

  r.post(path, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'createAchievement',
      summary: 'Record a result or a recognition and credit the people who carried it',
      description: writeRule,
      params: workspaceParams,
      body: achievementCreateBody,
      response: { 201: achievementDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createAchievement(ctx, request.actor, requireWorkspace(request).id, request.body),
        ),
  });

  r.get(`${path}/:achievementId`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'getAchievement',
      summary: 'One result or recognition',
      params: achievementParams,
      response: { 200: achievementDetailSchema, ...problems() },
    },
    handler: (request) =>
      getAchievement(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.achievementId,
      ),
  });

  r.patch(`${path}/:achievementId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'updateAchievement',
      summary: 'Change a result or recognition; creditedActorIds replaces the credits',
      description: writeRule,
      params: achievementParams,
      body: achievementUpdateBody,
      response: { 200: achievementDetailSchema, ...problems() },
    },
    handler: (request) =>
      changeAchievement(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.achievementId,
        request.body,
      ),
  });

  r.delete(`${path}/:achievementId`, {
    config: { policy: policy.workspace('directory.self') },
    schema: {
      tags,
      operationId: 'deleteAchievement',
      summary: 'Delete a result or recognition',
      params: achievementParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeAchievement(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.achievementId,
      );
      return reply.code(204).send(null);
    },
  });
}

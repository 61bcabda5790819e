import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import {
  actorTieParams,
  egoQuery,
  tieCreateBody,
  tieListQuery,
  tieParams,
  tieSchema,
  tieUpdateBody,
} from './schema.ts';
import { changeTie, createTie, getEgoTies, getTie, getTies, removeTie } from './service.ts';

export function tieRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Ties'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const ties = `${W}/ties`;
  const visible = 'Only ties whose two actors the caller may see.';

  r.get(ties, {
    config: { policy: policy.workspace('ties.read') },
    schema: {
      tags,
      operationId: 'listTies',
      summary: 'Ties (relaties) between actors, newest first',
      description: visible,
      params: workspaceParams,
      querystring: tieListQuery,
      response: { 200: pageOf(tieSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getTies(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(ties, {
    config: { policy: policy.workspace('ties.self') },
    schema: {
      tags,
      operationId: 'createTie',
      summary: 'Record a tie between two actors',
      description:
        'Coordinators and admins record any tie; other members only ties of their own carrier. Every error is listed in one problem; nothing is written.',
      params: workspaceParams,
      body: tieCreateBody,
      response: { 201: tieSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createTie(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${ties}/:tieId`, {
    config: { policy: policy.workspace('ties.read') },
    schema: {
      tags,
      operationId: 'getTie',
      summary: 'One tie',
      params: tieParams,
      response: { 200: tieSchema, ...problems() },
    },
    handler: (request) =>
      getTie(ctx, request.actor, requireWorkspace(request).id, request.params.tieId),
  });

  r.patch(`${ties}/:tieId`, {
    config: { policy: policy.workspace('ties.self') },
    schema: {
      tags,
      operationId: 'updateTie',
      summary: 'Change a tie (the result is checked as a whole)',
      params: tieParams,
      body: tieUpdateBody,
      response: { 200: tieSchema, ...problems() },
    },
    handler: (request) =>
      changeTie(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.tieId,
        request.body,
      ),
  });

  r.delete(`${ties}/:tieId`, {
    config: { policy: policy.workspace('ties.self') },
    schema: {
      tags,
      operationId: 'deleteTie',
      summary: 'Delete a tie',
      params: tieParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeTie(ctx, request.actor, requireWorkspace(request).id, request.params.tieId);
      return reply.code(204).send(null);
    },
  });

  r.get(`${W}/actors/:actorId/ties`, {
    config: { policy: policy.workspace('ties.read') },
    schema: {
      tags,
      operationId: 'listActorTies',
      summary: 'The ego network of an actor: its ties, newest first',
      description: `${visible} 404 when the caller may not see the actor.`,
      params: actorTieParams,
      querystring: egoQuery,
      response: { 200: pageOf(tieSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getEgoTies(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          request.params.actorId,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });
}

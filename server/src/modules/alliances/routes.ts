import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { balanceQuery, balanceSchema } from './balance-schema.ts';
import { addMember, changeMember, endMember } from './members-service.ts';
import { allianceRecordRoutes } from './records-routes.ts';
import { getBalance } from './records-service.ts';
import {
  allianceCreateBody,
  allianceDetailSchema,
  allianceListQuery,
  allianceParams,
  allianceSchema,
  allianceUpdateBody,
  memberCreateBody,
  memberEndBody,
  memberParams,
  memberSchema,
  memberUpdateBody,
} from './schema.ts';
import { changeAlliance, createAlliance, getAlliance, getAlliances } from './service.ts';

export const tags = ['Alliances'];
export const ALLIANCES = '/api/v1/workspaces/:workspaceSlug/alliances';

export function allianceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = `${ALLIANCES}/:allianceId`;
  const editors =
    'Coordinators and admins change any alliance; other members only one their carrier leads (trekker). Every error is listed in one problem; nothing is written.';

  r.get(ALLIANCES, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'listAlliances',
      summary: 'Alliances (bondgenootschappen) visible to the caller, newest first',
      description: 'Private alliances only for coordinators and the linked users of their members.',
      params: workspaceParams,
      querystring: allianceListQuery,
      response: { 200: pageOf(allianceSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getAlliances(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(ALLIANCES, {
    config: { policy: policy.workspace('alliances.manage') },
    schema: {
      tags,
      operationId: 'createAlliance',
      summary: 'Create an alliance, optionally from an overlap signal and with its first members',
      description:
        'Private unless visibility says otherwise. An active alliance needs at least one seat. Every error is listed in one problem; nothing is written.',
      params: workspaceParams,
      body: allianceCreateBody,
      response: { 201: allianceDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createAlliance(ctx, request.actor, requireWorkspace(request), request.body)),
  });

  r.get(one, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'getAlliance',
      summary: 'One alliance with its members, current charter, contribution totals and balance',
      params: allianceParams,
      response: { 200: allianceDetailSchema, ...problems() },
    },
    handler: (request) =>
      getAlliance(ctx, request.actor, requireWorkspace(request).id, request.params.allianceId),
  });

  r.patch(one, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'updateAlliance',
      summary:
        'Change an alliance’s name, description, status, decision rule, signal or visibility',
      description: editors,
      params: allianceParams,
      body: allianceUpdateBody,
      response: { 200: allianceDetailSchema, ...problems() },
    },
    handler: (request) =>
      changeAlliance(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.allianceId,
        request.body,
      ),
  });

  r.get(`${one}/balance`, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'getAllianceBalance',
      summary: 'The balance index (balansindex) of an alliance, its parts, trend and flag',
      description:
        'Over the members current today. The trend has one point per period with contributions (rolled up to `per`). Perceived power enters once survey answers exist.',
      params: allianceParams,
      querystring: balanceQuery,
      response: { 200: balanceSchema, ...problems() },
    },
    handler: (request) =>
      getBalance(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.allianceId,
        request.query.per,
      ),
  });

  r.post(`${one}/members`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'addAllianceMember',
      summary: 'Add a carrier or organisation of the workspace as a member',
      description: editors,
      params: allianceParams,
      body: memberCreateBody,
      response: { 201: memberSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addMember(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.allianceId,
            request.body,
          ),
        ),
  });

  r.patch(`${one}/members/:memberId`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'updateAllianceMember',
      summary: 'Change a member’s role, seats, votes or period',
      description: editors,
      params: memberParams,
      body: memberUpdateBody,
      response: { 200: memberSchema, ...problems() },
    },
    handler: (request) =>
      changeMember(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.allianceId,
        request.params.memberId,
        request.body,
      ),
  });

  r.post(`${one}/members/:memberId/end`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'endAllianceMember',
      summary: 'End a membership (default today); its seats leave the alliance',
      description: editors,
      params: memberParams,
      body: memberEndBody,
      response: { 200: memberSchema, ...problems() },
    },
    handler: (request) =>
      endMember(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.allianceId,
        request.params.memberId,
        request.body,
      ),
  });

  allianceRecordRoutes(app, ctx);
}

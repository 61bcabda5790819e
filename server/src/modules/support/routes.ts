import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import { lifecycleRoutes } from './lifecycle-routes.ts';
import { matchRoutes } from './match-routes.ts';
import { changeNeed, createNeed, getNeed, getNeeds, removeNeed } from './need-service.ts';
import { changeOffer, createOffer, getOffer, getOffers, removeOffer } from './offer-service.ts';
import {
  needCreateBody,
  needListQuery,
  needParams,
  needSchema,
  needUpdateBody,
  offerCreateBody,
  offerListQuery,
  offerParams,
  offerSchema,
  offerUpdateBody,
} from './schema.ts';

export function supportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Support'];
  const offers = '/api/v1/workspaces/:workspaceSlug/support-offers';
  const needs = '/api/v1/workspaces/:workspaceSlug/support-needs';

  r.get(offers, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'listSupportOffers',
      summary: 'Support offers (steunaanbod) visible to the caller, newest first',
      params: workspaceParams,
      querystring: offerListQuery,
      response: { 200: pageOf(offerSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getOffers(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(offers, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'createSupportOffer',
      summary: 'Record an offer of an institution (private unless visibility says otherwise)',
      params: workspaceParams,
      body: offerCreateBody,
      response: { 201: offerSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createOffer(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${offers}/:offerId`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'getSupportOffer',
      summary: 'One support offer',
      params: offerParams,
      response: { 200: offerSchema, ...problems() },
    },
    handler: (request) =>
      getOffer(ctx, request.actor, requireWorkspace(request).id, request.params.offerId),
  });

  r.patch(`${offers}/:offerId`, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'updateSupportOffer',
      summary: 'Change a support offer (the institution and type stay)',
      params: offerParams,
      body: offerUpdateBody,
      response: { 200: offerSchema, ...problems() },
    },
    handler: (request) =>
      changeOffer(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.offerId,
        request.body,
      ),
  });

  r.delete(`${offers}/:offerId`, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'deleteSupportOffer',
      summary: 'Delete an offer without commitments (409 has_commitments otherwise)',
      params: offerParams,
      response: { 204: noContent, ...problems(409) },
    },
    handler: async (request, reply) => {
      await removeOffer(ctx, request.actor, requireWorkspace(request).id, request.params.offerId);
      return reply.code(204).send(null);
    },
  });

  r.get(needs, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'listSupportNeeds',
      summary: 'Needs (hulpvragen) visible to the caller, newest first',
      description: 'Private needs only for coordinators and the carrier concerned.',
      params: workspaceParams,
      querystring: needListQuery,
      response: { 200: pageOf(needSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getNeeds(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(needs, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'createSupportNeed',
      summary: 'Ask for support, for one’s own carrier record (coordinators: for anyone)',
      params: workspaceParams,
      body: needCreateBody,
      response: { 201: needSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createNeed(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${needs}/:needId`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'getSupportNeed',
      summary: 'One need',
      params: needParams,
      response: { 200: needSchema, ...problems() },
    },
    handler: (request) =>
      getNeed(ctx, request.actor, requireWorkspace(request).id, request.params.needId),
  });

  r.patch(`${needs}/:needId`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'updateSupportNeed',
      summary: 'Change or close a need (its requester’s editors only)',
      params: needParams,
      body: needUpdateBody,
      response: { 200: needSchema, ...problems() },
    },
    handler: (request) =>
      changeNeed(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.needId,
        request.body,
      ),
  });

  r.delete(`${needs}/:needId`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'deleteSupportNeed',
      summary: 'Delete a need without commitments (409 has_commitments otherwise)',
      params: needParams,
      response: { 204: noContent, ...problems(409) },
    },
    handler: async (request, reply) => {
      await removeNeed(ctx, request.actor, requireWorkspace(request).id, request.params.needId);
      return reply.code(204).send(null);
    },
  });

  matchRoutes(app, ctx);
  lifecycleRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import { addAffiliation, changeAffiliation, removeAffiliation } from './affiliations.ts';
import { createMyCarrier, getMyCarrier, updateMyCarrier } from './carrier.ts';
import { recordConsent, withdrawConsent } from './consent.ts';
import {
  actorCreateBody,
  actorDetailSchema,
  actorListQuery,
  actorParams,
  actorPatchBody,
  actorSummarySchema,
  affiliationCreateBody,
  affiliationParams,
  affiliationPatchBody,
  affiliationSchema,
  carrierCreateBody,
  carrierPatchBody,
  consentBody,
} from './schema.ts';
import { createActor, deleteActor, getActor, listActors, updateActor } from './service.ts';

export function actorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Actors'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const read = { policy: policy.workspace('directory.read') };
  const manage = { policy: policy.workspace('directory.manage') };
  const self = { policy: policy.workspace('directory.self') };

  r.get(`${W}/actors`, {
    config: read,
    schema: {
      tags,
      operationId: 'listActors',
      summary: 'Carriers and organisations the caller may see, by name',
      params: workspaceParams,
      querystring: actorListQuery,
      response: { 200: pageOf(actorSummarySchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await listActors(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          { kind: request.query.kind },
          pageBounds(request.query),
        ),
      ),
  });

  r.post(`${W}/actors`, {
    config: manage,
    schema: {
      tags,
      operationId: 'createActor',
      summary: 'Record a carrier (person) or an organisation',
      description:
        'A person is private unless consent is given in `consent`; asking for workspace or public visibility without it answers 400 `consent_required`. Unknown or foreign area/term ids are listed in `errors`.',
      params: workspaceParams,
      body: actorCreateBody,
      response: { 201: actorDetailSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createActor(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${W}/actors/:actorId`, {
    config: read,
    schema: {
      tags,
      operationId: 'getActor',
      summary: 'One actor with roles and affiliations; contact details for coordinators and itself',
      params: actorParams,
      response: { 200: actorDetailSchema, ...problems() },
    },
    handler: (request) =>
      getActor(ctx, request.actor, requireWorkspace(request).id, request.params.actorId),
  });

  r.patch(`${W}/actors/:actorId`, {
    config: self,
    schema: {
      tags,
      operationId: 'updateActor',
      summary: 'Change an actor (coordinators: any; members: their own carrier record)',
      params: actorParams,
      body: actorPatchBody,
      response: { 200: actorDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      updateActor(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.actorId,
        request.body,
      ),
  });

  r.delete(`${W}/actors/:actorId`, {
    config: manage,
    schema: {
      tags,
      operationId: 'deleteActor',
      summary: 'Delete an actor with its roles, affiliations and activities',
      params: actorParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await deleteActor(ctx, request.actor, requireWorkspace(request).id, request.params.actorId);
      return reply.code(204).send(null);
    },
  });

  r.put(`${W}/actors/:actorId/consent`, {
    config: manage,
    schema: {
      tags,
      operationId: 'recordConsent',
      summary: 'Record a person’s consent (day and text version)',
      params: actorParams,
      body: consentBody,
      response: { 200: actorDetailSchema, ...problems() },
    },
    handler: (request) =>
      recordConsent(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.actorId,
        request.body,
      ),
  });

  r.delete(`${W}/actors/:actorId/consent`, {
    config: manage,
    schema: {
      tags,
      operationId: 'withdrawConsent',
      summary: 'Withdraw a person’s consent: the record becomes private at once',
      params: actorParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await withdrawConsent(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.actorId,
      );
      return reply.code(204).send(null);
    },
  });

  r.post(`${W}/actors/:actorId/affiliations`, {
    config: manage,
    schema: {
      tags,
      operationId: 'createAffiliation',
      summary: 'Link a person and an organisation (role, period)',
      params: actorParams,
      body: affiliationCreateBody,
      response: { 201: affiliationSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addAffiliation(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.actorId,
            request.body,
          ),
        ),
  });

  r.patch(`${W}/affiliations/:affiliationId`, {
    config: manage,
    schema: {
      tags,
      operationId: 'updateAffiliation',
      summary: 'Change an affiliation’s role or period',
      params: affiliationParams,
      body: affiliationPatchBody,
      response: { 200: affiliationSchema, ...problems() },
    },
    handler: (request) =>
      changeAffiliation(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.affiliationId,
        request.body,
      ),
  });

  r.delete(`${W}/affiliations/:affiliationId`, {
    config: manage,
    schema: {
      tags,
      operationId: 'deleteAffiliation',
      summary: 'Remove an affiliation',
      params: affiliationParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeAffiliation(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.affiliationId,
      );
      return reply.code(204).send(null);
    },
  });

  r.get(`${W}/me/carrier`, {
    config: self,
    schema: {
      tags,
      operationId: 'getMyCarrier',
      summary: 'Your own carrier record in this workspace (404 when you have none)',
      params: workspaceParams,
      response: { 200: actorDetailSchema, ...problems() },
    },
    handler: (request) => getMyCarrier(ctx, request.actor, requireWorkspace(request).id),
  });

  r.post(`${W}/me/carrier`, {
    config: self,
    schema: {
      tags,
      operationId: 'createMyCarrier',
      summary: 'Create your own, self-managed carrier record (your consent is recorded)',
      params: workspaceParams,
      body: carrierCreateBody,
      response: { 201: actorDetailSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createMyCarrier(ctx, request.actor, requireWorkspace(request).id, request.body),
        ),
  });

  r.patch(`${W}/me/carrier`, {
    config: self,
    schema: {
      tags,
      operationId: 'updateMyCarrier',
      summary: 'Change your own carrier record',
      params: workspaceParams,
      body: carrierPatchBody,
      response: { 200: actorDetailSchema, ...problems() },
    },
    handler: (request) =>
      updateMyCarrier(ctx, request.actor, requireWorkspace(request).id, request.body),
  });
}

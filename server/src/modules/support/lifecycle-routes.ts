import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems } from '../../http/route-schema.ts';
import { deliveryBody, deliveryListQuery, deliverySchema } from './delivery-schema.ts';
import { getDeliveries, recordDelivery } from './delivery-service.ts';
import { durabilitySchema, endingBody, renewalBody } from './lifecycle-schema.ts';
import { commitmentDurability, endCommitment, renewCommitment } from './lifecycle-service.ts';
import { commitmentParams, commitmentSchema } from './match-schema.ts';

export function lifecycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Support'];
  const one = '/api/v1/workspaces/:workspaceSlug/support-commitments/:commitmentId';

  r.post(`${one}/ending`, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'endSupportCommitment',
      summary: 'End or cancel an active commitment, with the reason',
      description:
        'By the provider side (coordinators and admins). Every error is listed in one 400 (end before start, after the current end, an end date on a cancel); 409 commitment_closed when it already ended or was cancelled. Nothing is saved on an error.',
      params: commitmentParams,
      body: endingBody,
      response: { 200: commitmentSchema, ...problems(409) },
    },
    handler: (request) =>
      endCommitment(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.commitmentId,
        request.body,
      ),
  });

  r.post(`${one}/renewals`, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'renewSupportCommitment',
      summary: 'Renew an active commitment by a new one that starts after it ends',
      description:
        'By the provider side. The rules of accepting a match are checked again: capacity, the offer period and overlap; every error in one 400, nothing saved. 409 commitment_closed or already_renewed.',
      params: commitmentParams,
      body: renewalBody,
      response: { 201: commitmentSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await renewCommitment(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.commitmentId,
            request.body,
          ),
        ),
  });

  r.get(`${one}/durability`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'getSupportCommitmentDurability',
      summary: 'Durability of the support the commitment’s recipient receives',
      description:
        'For coordinators and the recipient: supported days, renewals, the longest continuous run and continuity after initiatives ended, as of today.',
      params: commitmentParams,
      response: { 200: durabilitySchema, ...problems() },
    },
    handler: (request) =>
      commitmentDurability(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.commitmentId,
      ),
  });

  r.post(`${one}/deliveries`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'recordSupportDelivery',
      summary: 'Record a delivery (check-in) against a commitment',
      description:
        'By the provider side or the recipient. Every error in one 400 (amount out of range, a day outside the commitment or after today); 409 commitment_closed when it was cancelled.',
      params: commitmentParams,
      body: deliveryBody,
      response: { 201: deliverySchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordDelivery(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.commitmentId,
            request.body,
          ),
        ),
  });

  r.get(`${one}/deliveries`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'listSupportDeliveries',
      summary: 'Deliveries of a commitment, latest first (coordinators and its recipient)',
      params: commitmentParams,
      querystring: deliveryListQuery,
      response: { 200: pageOf(deliverySchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getDeliveries(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          request.params.commitmentId,
          pageBounds(request.query),
        ),
      ),
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import {
  acceptBody,
  commitmentListQuery,
  commitmentParams,
  commitmentSchema,
  matchCreateBody,
  matchListQuery,
  matchParams,
  matchSchema,
  needSuggestionSchema,
  offerSuggestionSchema,
  suggestionQuery,
  suggestionsOf,
} from './match-schema.ts';
import {
  acceptMatch,
  declineMatch,
  getCommitment,
  getCommitments,
  getMatch,
  getMatches,
  proposeMatch,
} from './match-service.ts';
import { commitmentCreateBody } from './commitment-schema.ts';
import { recordCommitment } from './commitment-service.ts';
import { needMatches, offerMatches } from './matching-service.ts';
import { needParams, offerParams } from './schema.ts';

export function matchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Support'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const matches = `${W}/support-matches`;
  const commitments = `${W}/support-commitments`;

  r.get(`${W}/support-needs/:needId/matches`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'listSupportNeedMatches',
      summary: 'Offers that fit a need, best first, each with the reasons of its score',
      description:
        'For the need’s requester and coordinators (403 otherwise); only offers the caller may see.',
      params: needParams,
      querystring: suggestionQuery,
      response: { 200: suggestionsOf(offerSuggestionSchema), ...problems() },
    },
    handler: (request) =>
      needMatches(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.needId,
        request.query.limit,
      ),
  });

  r.get(`${W}/support-offers/:offerId/matches`, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'listSupportOfferMatches',
      summary: 'Open needs that fit an offer, best first, each with the reasons of its score',
      params: offerParams,
      querystring: suggestionQuery,
      response: { 200: suggestionsOf(needSuggestionSchema), ...problems() },
    },
    handler: (request) =>
      offerMatches(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.offerId,
        request.query.limit,
      ),
  });

  r.get(matches, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'listSupportMatches',
      summary: 'Proposed and decided matches (coordinators: all; others: their own carrier’s)',
      params: workspaceParams,
      querystring: matchListQuery,
      response: { 200: pageOf(matchSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getMatches(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(matches, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'proposeSupportMatch',
      summary: 'Propose an offer for a need; it becomes a commitment once both sides accept',
      description:
        'By an editor of either side. Every rule that fails is listed in one 400: end before start, amounts out of range, beyond remaining capacity, outside the offer period, an overlapping commitment, another open proposal, unknown offer or need.',
      params: workspaceParams,
      body: matchCreateBody,
      response: { 201: matchSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await proposeMatch(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${matches}/:matchId`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'getSupportMatch',
      summary: 'One match (for the editors of either side)',
      params: matchParams,
      response: { 200: matchSchema, ...problems() },
    },
    handler: (request) =>
      getMatch(ctx, request.actor, requireWorkspace(request).id, request.params.matchId),
  });

  r.post(`${matches}/:matchId/acceptances`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'acceptSupportMatch',
      summary: 'Accept a match for one side; the second acceptance writes the commitment',
      description:
        '403 when the caller may not act for that side; 409 match_closed, already_accepted, or commitment_conflict (with every rule that no longer holds; nothing is saved).',
      params: matchParams,
      body: acceptBody,
      response: { 201: matchSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await acceptMatch(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.matchId,
            request.body.side,
          ),
        ),
  });

  r.post(`${matches}/:matchId/rejection`, {
    config: { policy: policy.workspace('support.self') },
    schema: {
      tags,
      operationId: 'declineSupportMatch',
      summary: 'Decline an open match (either side)',
      params: matchParams,
      response: { 200: matchSchema, ...problems(409) },
    },
    handler: (request) =>
      declineMatch(ctx, request.actor, requireWorkspace(request).id, request.params.matchId),
  });

  r.get(commitments, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'listSupportCommitments',
      summary: 'Commitments (toezeggingen); coordinators see all, others those of their side',
      description:
        'Members see commitments to the carrier linked to their account, to an initiative that carrier carries and to an alliance it is a current member of.',
      params: workspaceParams,
      querystring: commitmentListQuery,
      response: { 200: pageOf(commitmentSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getCommitments(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(commitments, {
    config: { policy: policy.workspace('support.manage') },
    schema: {
      tags,
      operationId: 'recordSupportCommitment',
      summary: 'Record a commitment directly: to an actor, an initiative or an alliance',
      description:
        'By the provider side (coordinators and admins), without a need or a match. recipientType says which id to give (recipientId, recipientInitiativeId or recipientAllianceId), of this workspace. Every rule that fails is listed in one 400: an unknown or other workspace’s offer or recipient, an id of another kind, end before start, beyond remaining capacity, outside the offer period, an overlapping commitment of the offer to the same recipient. Nothing is saved on an error.',
      params: workspaceParams,
      body: commitmentCreateBody,
      response: { 201: commitmentSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordCommitment(ctx, request.actor, requireWorkspace(request).id, request.body),
        ),
  });

  r.get(`${commitments}/:commitmentId`, {
    config: { policy: policy.workspace('support.read') },
    schema: {
      tags,
      operationId: 'getSupportCommitment',
      summary: 'One commitment (coordinators and its recipient side)',
      params: commitmentParams,
      response: { 200: commitmentSchema, ...problems() },
    },
    handler: (request) =>
      getCommitment(ctx, request.actor, requireWorkspace(request).id, request.params.commitmentId),
  });
}

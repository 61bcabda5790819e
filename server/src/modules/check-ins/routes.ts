import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, pageQuery, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import {
  aggregatesQuery,
  aggregatesSchema,
  checkInCreateBody,
  checkInParams,
  checkInSchema,
  settingsBody,
  settingsSchema,
  shareBody,
  shareParams,
  shareSchema,
  sharedCheckInSchema,
  sharedListQuery,
  sharesSchema,
} from './schema.ts';
import {
  fileCheckIn,
  getAggregates,
  getMyCheckIn,
  getMyCheckIns,
  getSettings,
  getShares,
  getSharedCheckIns,
  putSettings,
  removeMyCheckIn,
  revokeShare,
  shareCheckIns,
} from './service.ts';

export function checkInRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Check-ins'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const mine = `${W}/me/check-ins`;
  const shares = `${W}/me/check-in-shares`;
  const self = { policy: policy.workspace('checkins.self') };

  r.get(mine, {
    config: self,
    schema: {
      tags,
      operationId: 'listMyCheckIns',
      summary: 'Your own check-ins, newest first',
      params: workspaceParams,
      querystring: pageQuery,
      response: { 200: pageOf(checkInSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getMyCheckIns(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          pageBounds(request.query),
        ),
      ),
  });

  r.post(mine, {
    config: self,
    schema: {
      tags,
      operationId: 'createCheckIn',
      summary: 'File a check-in for your own carrier record (private to you)',
      description:
        'Scores are whole numbers 1–5; the date is today or up to 30 days ago. Every error is listed in one problem; nothing is written.',
      params: workspaceParams,
      body: checkInCreateBody,
      response: { 201: checkInSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await fileCheckIn(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${mine}/:checkInId`, {
    config: self,
    schema: {
      tags,
      operationId: 'getMyCheckIn',
      summary: 'One of your own check-ins',
      params: checkInParams,
      response: { 200: checkInSchema, ...problems() },
    },
    handler: (request) =>
      getMyCheckIn(ctx, request.actor, requireWorkspace(request).id, request.params.checkInId),
  });

  r.delete(`${mine}/:checkInId`, {
    config: self,
    schema: {
      tags,
      operationId: 'deleteMyCheckIn',
      summary: 'Delete one of your own check-ins',
      params: checkInParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeMyCheckIn(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.checkInId,
      );
      return reply.code(204).send(null);
    },
  });

  r.get(`${W}/me/check-in-settings`, {
    config: self,
    schema: {
      tags,
      operationId: 'getCheckInSettings',
      summary: 'Your reminder interval and language, with your last check-in and next reminder',
      params: workspaceParams,
      response: { 200: settingsSchema, ...problems() },
    },
    handler: (request) => getSettings(ctx, request.actor, requireWorkspace(request).id),
  });

  r.put(`${W}/me/check-in-settings`, {
    config: self,
    schema: {
      tags,
      operationId: 'putCheckInSettings',
      summary: 'Set your reminder interval and language (none: no reminders)',
      params: workspaceParams,
      body: settingsBody,
      response: { 200: settingsSchema, ...problems() },
    },
    handler: (request) =>
      putSettings(ctx, request.actor, requireWorkspace(request).id, request.body),
  });

  r.get(shares, {
    config: self,
    schema: {
      tags,
      operationId: 'listCheckInShares',
      summary: 'The members you share your check-ins with',
      params: workspaceParams,
      response: { 200: sharesSchema, ...problems() },
    },
    handler: (request) => getShares(ctx, request.actor, requireWorkspace(request).id),
  });

  r.post(shares, {
    config: self,
    schema: {
      tags,
      operationId: 'createCheckInShare',
      summary: 'Share your check-ins with a member of this workspace (by email address)',
      description: '201 when new, 200 when already shared.',
      params: workspaceParams,
      body: shareBody,
      response: { 200: shareSchema, 201: shareSchema, ...problems() },
    },
    handler: async (request, reply) => {
      const { share, created } = await shareCheckIns(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.body.email,
      );
      return reply.code(created ? 201 : 200).send(share);
    },
  });

  r.delete(`${shares}/:userId`, {
    config: self,
    schema: {
      tags,
      operationId: 'deleteCheckInShare',
      summary: 'Stop sharing your check-ins with a member',
      params: shareParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await revokeShare(ctx, request.actor, requireWorkspace(request).id, request.params.userId);
      return reply.code(204).send(null);
    },
  });

  r.get(`${W}/shared-check-ins`, {
    config: self,
    schema: {
      tags,
      operationId: 'listSharedCheckIns',
      summary: 'Check-ins that carriers share with you, newest first',
      params: workspaceParams,
      querystring: sharedListQuery,
      response: { 200: pageOf(sharedCheckInSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ownerUserId } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getSharedCheckIns(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          ownerUserId,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.get(`${W}/check-in-aggregates`, {
    config: { policy: policy.workspace('checkins.aggregates') },
    schema: {
      tags,
      operationId: 'getCheckInAggregates',
      summary: 'Check-in scores per month, quarter or year: aggregates only',
      description:
        'Each carrier counts once per period (their latest check-in). A period with fewer than 5 carriers is suppressed whole; a distribution is shown only when every chosen score has at least 5 carriers. Only periods no check-in can still enter are shown.',
      params: workspaceParams,
      querystring: aggregatesQuery,
      response: { 200: aggregatesSchema, ...problems() },
    },
    handler: (request) =>
      getAggregates(ctx, request.actor, requireWorkspace(request).id, request.query.period),
  });
}

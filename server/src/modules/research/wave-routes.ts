import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { noContent, problems } from '../../http/route-schema.ts';
import { getInvitations, invite, remind } from './invitation-service.ts';
import { respondRoutes } from './respond-routes.ts';
import { studyParams } from './schema.ts';
import {
  addItem,
  changeItem,
  changeWave,
  closeWave,
  copyItems,
  createWave,
  getWave,
  getWaves,
  openWave,
  orderItems,
  removeItem,
} from './wave-service.ts';
import {
  copyItemsBody,
  invitationListSchema,
  inviteBody,
  inviteResultSchema,
  itemCreateBody,
  itemListSchema,
  itemOrderBody,
  itemParams,
  itemSchema,
  itemUpdateBody,
  remindResultSchema,
  waveCreateBody,
  waveDetailSchema,
  waveListSchema,
  waveParams,
  waveSchema,
  waveUpdateBody,
} from './wave-schema.ts';

/** Waves, their questionnaire items and invitations (the team); the public questionnaire too. */
export function waveRoutes(app: FastifyInstance, ctx: AppContext, study: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const config = { policy: policy.workspace('research.conduct') };
  const waves = `${study}/waves`;
  const wave = `${waves}/:waveId`;
  const ws = (request: Parameters<typeof requireWorkspace>[0]) => requireWorkspace(request).id;

  r.get(waves, {
    config,
    schema: {
      tags,
      operationId: 'listStudyWaves',
      summary: 'Waves (meetgolven) of the study, by start date',
      params: studyParams,
      response: { 200: waveListSchema, ...problems() },
    },
    handler: (request) => getWaves(ctx, request.actor, ws(request), request.params.studyId),
  });

  r.post(waves, {
    config,
    schema: {
      tags,
      operationId: 'createStudyWave',
      summary: 'Create a wave (a draft)',
      params: studyParams,
      body: waveCreateBody,
      response: { 201: waveSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createWave(ctx, request.actor, ws(request), request.params.studyId, request.body),
        ),
  });

  r.get(wave, {
    config,
    schema: {
      tags,
      operationId: 'getStudyWave',
      summary: 'One wave with its questionnaire items',
      params: waveParams,
      response: { 200: waveDetailSchema, ...problems() },
    },
    handler: (request) =>
      getWave(ctx, request.actor, ws(request), request.params.studyId, request.params.waveId),
  });

  r.patch(wave, {
    config,
    schema: {
      tags,
      operationId: 'updateStudyWave',
      summary: 'Change a wave’s title, description or dates',
      params: waveParams,
      body: waveUpdateBody,
      response: { 200: waveSchema, ...problems() },
    },
    handler: (request) =>
      changeWave(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
        request.body,
      ),
  });

  r.post(`${wave}/open`, {
    config,
    schema: {
      tags,
      operationId: 'openStudyWave',
      summary: 'Open a draft wave with items (not an import wave): invitations may go out',
      params: waveParams,
      response: { 200: waveSchema, ...problems(409) },
    },
    handler: (request) =>
      openWave(ctx, request.actor, ws(request), request.params.studyId, request.params.waveId),
  });

  r.post(`${wave}/close`, {
    config,
    schema: {
      tags,
      operationId: 'closeStudyWave',
      summary: 'Close an open wave (links stop working), or a draft import wave',
      params: waveParams,
      response: { 200: waveSchema, ...problems(409) },
    },
    handler: (request) =>
      closeWave(ctx, request.actor, ws(request), request.params.studyId, request.params.waveId),
  });

  r.post(`${wave}/items`, {
    config,
    schema: {
      tags,
      operationId: 'addStudyWaveItem',
      summary: 'Add a questionnaire item at the end (draft waves only)',
      params: waveParams,
      body: itemCreateBody,
      response: { 201: itemSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addItem(
            ctx,
            request.actor,
            ws(request),
            request.params.studyId,
            request.params.waveId,
            request.body,
          ),
        ),
  });

  r.patch(`${wave}/items/:itemId`, {
    config,
    schema: {
      tags,
      operationId: 'updateStudyWaveItem',
      summary: 'Change a questionnaire item (draft waves only)',
      params: itemParams,
      body: itemUpdateBody,
      response: { 200: itemSchema, ...problems(409) },
    },
    handler: (request) =>
      changeItem(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
        request.params.itemId,
        request.body,
      ),
  });

  r.delete(`${wave}/items/:itemId`, {
    config,
    schema: {
      tags,
      operationId: 'deleteStudyWaveItem',
      summary: 'Remove a questionnaire item (draft waves only)',
      params: itemParams,
      response: { 204: noContent, ...problems(409) },
    },
    handler: async (request, reply) => {
      await removeItem(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
        request.params.itemId,
      );
      return reply.code(204).send(null);
    },
  });

  r.put(`${wave}/item-order`, {
    config,
    schema: {
      tags,
      operationId: 'orderStudyWaveItems',
      summary: 'Put the items in a new order (every item once; draft waves only)',
      params: waveParams,
      body: itemOrderBody,
      response: { 200: itemListSchema, ...problems(409) },
    },
    handler: (request) =>
      orderItems(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
        request.body.itemIds,
      ),
  });

  r.post(`${wave}/copy-items`, {
    config,
    schema: {
      tags,
      operationId: 'copyStudyWaveItems',
      summary: 'Copy every item of another wave, same codes, into this draft wave without items',
      description: 'Items with the same code are compared across waves.',
      params: waveParams,
      body: copyItemsBody,
      response: { 200: itemListSchema, ...problems(409) },
    },
    handler: (request) =>
      copyItems(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
        request.body.fromWaveId,
      ),
  });

  r.get(`${wave}/invitations`, {
    config,
    schema: {
      tags,
      operationId: 'listStudyWaveInvitations',
      summary: 'Invitations of the wave by pseudonym, with their state and the response rate',
      params: waveParams,
      response: { 200: invitationListSchema, ...problems() },
    },
    handler: (request) =>
      getInvitations(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.waveId,
      ),
  });

  r.post(`${wave}/invitations`, {
    config,
    schema: {
      tags,
      operationId: 'inviteStudyWaveParticipants',
      summary: 'Email single-use links to participants (open waves only)',
      description:
        'Participants without participation consent, who withdrew consent to be contacted, without an email address or invited already are skipped and listed.',
      params: waveParams,
      body: inviteBody,
      response: { 201: inviteResultSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await invite(
            ctx,
            request.actor,
            ws(request),
            request.params.studyId,
            request.params.waveId,
            request.body,
          ),
        ),
  });

  r.post(`${wave}/reminders`, {
    config,
    schema: {
      tags,
      operationId: 'remindStudyWaveParticipants',
      summary: 'Mail the link again to everyone who has not submitted and whose link still works',
      params: waveParams,
      response: { 200: remindResultSchema, ...problems(409) },
    },
    handler: (request) =>
      remind(ctx, request.actor, ws(request), request.params.studyId, request.params.waveId),
  });

  respondRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { envelope, pageOf, setPageLinks } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { sendJson } from '../../http/send-json.ts';
import { allySuggestions } from './allies.ts';
import { cachedSignalListJson } from './list.ts';
import {
  allyParams,
  allyQuery,
  allySuggestionsSchema,
  noteBody,
  noteSchema,
  settingsBody,
  settingsSchema,
  signalDetailSchema,
  signalListQuery,
  signalParams,
  signalSummarySchema,
  transitionBody,
} from './schema.ts';
import { addNote, getSettings, getSignal, putSettings, transitionSignal } from './service.ts';

const listSchema = pageOf(signalSummarySchema);

export function signalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Overlap signals'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const signals = `${W}/overlap-signals`;
  const visibility =
    'Visible to its two parties (users whose carrier is one of the actors) and to coordinators and admins; to anyone else it does not exist (404).';

  r.get(signals, {
    config: { policy: policy.workspace('signals.read') },
    schema: {
      tags,
      operationId: 'listOverlapSignals',
      summary: 'Overlap signals the caller may see, strongest first',
      description: `Pairs of actors active in the same area and domain at the same time, with their score (0..1) and reasons. Detected again first when the directory changed. ${visibility}`,
      params: workspaceParams,
      querystring: signalListQuery,
      response: { 200: listSchema, ...problems() },
    },
    handler: async (request, reply) => {
      const { json, total } = await cachedSignalListJson(
        ctx,
        request.actor,
        requireWorkspace(request),
        request.query,
        (page) => JSON.stringify(listSchema.parse(envelope(request.query, page))),
      );
      setPageLinks(request, reply, request.query, total);
      return sendJson(request, reply, json);
    },
  });

  r.get(`${signals}/:signalId`, {
    config: { policy: policy.workspace('signals.read') },
    schema: {
      tags,
      operationId: 'getOverlapSignal',
      summary: 'One overlap signal with its explanation, history and notes',
      description: visibility,
      params: signalParams,
      response: { 200: signalDetailSchema, ...problems() },
    },
    handler: (request) =>
      getSignal(ctx, request.actor, requireWorkspace(request), request.params.signalId),
  });

  r.post(`${signals}/:signalId/transitions`, {
    config: { policy: policy.workspace('signals.act') },
    schema: {
      tags,
      operationId: 'transitionOverlapSignal',
      summary: 'Move a signal through its lifecycle',
      description:
        'open → seen → in_dialogue → alliance_formed / resolved / dismissed (see docs/overlap.md). Either party or a coordinator. 409 when the move does not exist from the current state; dismissing needs a reason, alliance_formed an allianceId of the workspace. Nothing is written on any error.',
      params: signalParams,
      body: transitionBody,
      response: { 200: signalDetailSchema, ...problems(409) },
    },
    handler: (request) =>
      transitionSignal(
        ctx,
        request.actor,
        requireWorkspace(request),
        request.params.signalId,
        request.body,
      ),
  });

  r.post(`${signals}/:signalId/notes`, {
    config: { policy: policy.workspace('signals.act') },
    schema: {
      tags,
      operationId: 'addOverlapSignalNote',
      summary: 'Add a note to a signal (seen by its parties and the coordinators only)',
      params: signalParams,
      body: noteBody,
      response: { 201: noteSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addNote(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.signalId,
            request.body,
          ),
        ),
  });

  r.get(`${W}/overlap-settings`, {
    config: { policy: policy.workspace('signals.read') },
    schema: {
      tags,
      operationId: 'getOverlapSettings',
      summary: 'The overlap threshold of the workspace',
      params: workspaceParams,
      response: { 200: settingsSchema, ...problems() },
    },
    handler: (request) => getSettings(ctx, request.actor, requireWorkspace(request).id),
  });

  r.put(`${W}/overlap-settings`, {
    config: { policy: policy.workspace('signals.manage') },
    schema: {
      tags,
      operationId: 'putOverlapSettings',
      summary: 'Set the overlap threshold (coordinators and admins); signals are detected again',
      params: workspaceParams,
      body: settingsBody,
      response: { 200: settingsSchema, ...problems() },
    },
    handler: (request) =>
      putSettings(ctx, request.actor, requireWorkspace(request).id, request.body),
  });

  r.get(`${W}/actors/:actorId/ally-suggestions`, {
    config: { policy: policy.workspace('signals.read') },
    schema: {
      tags,
      operationId: 'listAllySuggestions',
      summary: 'Possible allies of an actor, ranked, with their reasons',
      description:
        'Actors active in the same areas with complementary domains, a cooperative tie or support to offer. Only actors the caller may see.',
      params: allyParams,
      querystring: allyQuery,
      response: { 200: allySuggestionsSchema, ...problems() },
    },
    handler: (request) =>
      allySuggestions(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.actorId,
        request.query.limit,
      ),
  });
}

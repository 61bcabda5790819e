import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems } from '../../http/route-schema.ts';
import { getConsent, recordConsent } from './consent-service.ts';
import {
  addParticipant,
  getParticipant,
  getParticipants,
  reIdentify,
} from './participant-service.ts';
import {
  consentBody,
  consentEventSchema,
  consentHistorySchema,
  participantCreateBody,
  participantListQuery,
  participantParams,
  participantSchema,
  reIdentificationSchema,
  reIdentifyBody,
  studyParams,
} from './schema.ts';

/** Participants (pseudonyms only) and their consent; the steward's audited re-identification. */
export function participantRoutes(app: FastifyInstance, ctx: AppContext, study: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const conduct = { policy: policy.workspace('research.conduct') };
  const participants = `${study}/participants`;
  const participant = `${participants}/:participantId`;

  r.get(participants, {
    config: conduct,
    schema: {
      tags,
      operationId: 'listStudyParticipants',
      summary: 'Participants (deelnemers) as pseudonyms with their consent, by pseudonym',
      params: studyParams,
      querystring: participantListQuery,
      response: { 200: pageOf(participantSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getParticipants(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          request.params.studyId,
          pageBounds(request.query),
        ),
      ),
  });

  r.post(participants, {
    config: conduct,
    schema: {
      tags,
      operationId: 'addStudyParticipant',
      summary: 'Add a participant: a carrier, or an external person (the steward only)',
      description:
        'Answers with the pseudonym only. The same person added again gets the same participant (200), never a second pseudonym.',
      params: studyParams,
      body: participantCreateBody,
      response: { 200: participantSchema, 201: participantSchema, ...problems(409) },
    },
    handler: async (request, reply) => {
      const { created, participant: p } = await addParticipant(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(p);
    },
  });

  r.get(participant, {
    config: conduct,
    schema: {
      tags,
      operationId: 'getStudyParticipant',
      summary: 'One participant as a pseudonym with their consent',
      params: participantParams,
      response: { 200: participantSchema, ...problems() },
    },
    handler: (request) =>
      getParticipant(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.params.participantId,
      ),
  });

  r.post(`${participant}/re-identifications`, {
    config: { policy: policy.workspace('research.conduct', true) },
    schema: {
      tags,
      operationId: 'reIdentifyStudyParticipant',
      summary: 'Who a participant is (the steward only, with a reason; audited)',
      description:
        'Browser sessions only. The reason is stored encrypted and the read is an audit event, in one transaction.',
      params: participantParams,
      body: reIdentifyBody,
      response: { 201: reIdentificationSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await reIdentify(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.studyId,
            request.params.participantId,
            request.body.reason,
          ),
        ),
  });

  r.get(`${participant}/consents`, {
    config: conduct,
    schema: {
      tags,
      operationId: 'getParticipantConsent',
      summary: 'A participant’s consent per purpose and its full history',
      description: 'Notes only in the steward’s answer; reading them is audited.',
      params: participantParams,
      response: { 200: consentHistorySchema, ...problems() },
    },
    handler: (request) =>
      getConsent(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.params.participantId,
      ),
  });

  r.post(`${participant}/consents`, {
    config: conduct,
    schema: {
      tags,
      operationId: 'recordParticipantConsent',
      summary: 'Record consent given or withdrawn for one purpose (the steward only)',
      description:
        'Withdrawing is the same single call as giving. The history is append-only; the latest decision per purpose counts.',
      params: participantParams,
      body: consentBody,
      response: { 201: consentEventSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordConsent(
            ctx,
            request.actor,
            requireWorkspace(request).id,
            request.params.studyId,
            request.params.participantId,
            request.body,
          ),
        ),
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { problems } from '../../http/route-schema.ts';
import { lookupQuestionnaire, saveAnswer, submitAnswers } from './respond-service.ts';
import {
  answerBody,
  answerParams,
  questionnaireSchema,
  savedSchema,
  submittedSchema,
  tokenBody,
} from './wave-schema.ts';

/** The public questionnaire behind an emailed research link: the token authenticates. */
export function respondRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const config = { policy: policy.public };
  const responses = '/api/v1/research-responses';
  const note =
    'No account: the token from the emailed link authenticates. Invalid token: 400; submitted already, wave closed, link expired or revoked, or participation consent withdrawn: 409; too many invalid tokens from one client: 429. Nothing is written on any refusal.';

  r.post(`${responses}/lookup`, {
    config,
    schema: {
      tags,
      operationId: 'lookupResearchQuestionnaire',
      summary: 'The questionnaire of a research link, with the answers saved so far',
      description: note,
      body: tokenBody,
      response: { 200: questionnaireSchema, ...problems(409, 429) },
    },
    handler: (request) => lookupQuestionnaire(ctx, request.body.token, request.ip),
  });

  r.put(`${responses}/answers/:itemId`, {
    config,
    schema: {
      tags,
      operationId: 'saveResearchAnswer',
      summary: 'Save (or with null, clear) the answer to one item (save as you go)',
      description: `${note} A value that does not fit the item, an unknown item or a name not offered: 400, listing every error.`,
      params: answerParams,
      body: answerBody,
      response: { 200: savedSchema, ...problems(409, 429) },
    },
    handler: (request) => saveAnswer(ctx, request.params.itemId, request.body, request.ip),
  });

  r.post(`${responses}/submission`, {
    config,
    schema: {
      tags,
      operationId: 'submitResearchAnswers',
      summary: 'Submit the answers; the link stops working',
      description: `${note} Required items without an answer: 400 listing them (/items/<code>).`,
      body: tokenBody,
      response: { 200: submittedSchema, ...problems(409, 429) },
    },
    handler: (request) => submitAnswers(ctx, request.body.token, request.ip),
  });
}

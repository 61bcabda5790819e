import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { lookupQuestionnaire, saveAnswer, submitAnswers } from './respond.ts';
import {
  answerBody,
  answerParams,
  answerSchema,
  questionnaireSchema,
  remindResultSchema,
  roundCreateBody,
  roundDetailSchema,
  roundListQuery,
  roundParams,
  roundSchema,
  submittedSchema,
  tokenBody,
} from './schema.ts';
import { closeRound, createRound, getRound, getRounds, openRound, remindNow } from './service.ts';

export function surveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Surveys'];
  const rounds = '/api/v1/workspaces/:workspaceSlug/survey-rounds';
  const noAnswers = 'Shows progress per member, never what anyone answered.';

  r.get(rounds, {
    config: { policy: policy.workspace('surveys.read') },
    schema: {
      tags,
      operationId: 'listSurveyRounds',
      summary: 'Survey rounds (netwerkmetingen) with response rates, newest first',
      params: workspaceParams,
      querystring: roundListQuery,
      response: { 200: pageOf(roundSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getRounds(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(rounds, {
    config: { policy: policy.workspace('surveys.manage') },
    schema: {
      tags,
      operationId: 'createSurveyRound',
      summary: 'Create a draft round with its members (by area and/or by list)',
      description:
        'Each member needs an address: the one given here, else the linked account’s, else the actor’s. Actors of the area without one are left out. Every error is listed in one problem; nothing is written.',
      params: workspaceParams,
      body: roundCreateBody,
      response: { 201: roundDetailSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createRound(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${rounds}/:roundId`, {
    config: { policy: policy.workspace('surveys.read') },
    schema: {
      tags,
      operationId: 'getSurveyRound',
      summary: 'One survey round with its members’ progress',
      description: noAnswers,
      params: roundParams,
      response: { 200: roundDetailSchema, ...problems() },
    },
    handler: (request) =>
      getRound(ctx, request.actor, requireWorkspace(request).id, request.params.roundId),
  });

  const action = (
    path: string,
    operationId: string,
    summary: string,
    description: string,
    run: typeof openRound,
  ) =>
    r.post(`${rounds}/:roundId/${path}`, {
      config: { policy: policy.workspace('surveys.manage') },
      schema: {
        tags,
        operationId,
        summary,
        description,
        params: roundParams,
        response: { 200: roundDetailSchema, ...problems(409) },
      },
      handler: (request) =>
        run(ctx, request.actor, requireWorkspace(request).id, request.params.roundId),
    });

  action(
    'opening',
    'openSurveyRound',
    'Open a draft round: every member is mailed a personal single-use link',
    'The link works until the member submits or the round closes. Not a draft: 409.',
    openRound,
  );
  action(
    'closing',
    'closeSurveyRound',
    'Close an open round and freeze its snapshot',
    'Submitted chosen answers become directed collaboration ties (source survey) dated today; unsubmitted answers are deleted; the round is read-only. GET …/network?round= gives its network. Not open: 409.',
    closeRound,
  );

  r.post(`${rounds}/:roundId/reminders`, {
    config: { policy: policy.workspace('surveys.manage') },
    schema: {
      tags,
      operationId: 'remindSurveyRound',
      summary: 'Send a reminder now to every member who has not submitted',
      params: roundParams,
      response: { 200: remindResultSchema, ...problems(409) },
    },
    handler: (request) =>
      remindNow(ctx, request.actor, requireWorkspace(request).id, request.params.roundId),
  });

  const responses = '/api/v1/survey-responses';
  const publicNote =
    'No account: the token from the survey email authenticates. Invalid token: 400; submitted already or round closed (or past its closing day): 409; too many invalid tokens from one client: 429. Nothing is written on any refusal.';

  r.post(`${responses}/lookup`, {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'lookupSurveyQuestionnaire',
      summary: 'The questionnaire of a survey link, with the answers saved so far',
      description: publicNote,
      body: tokenBody,
      response: { 200: questionnaireSchema, ...problems(409, 429) },
    },
    handler: (request) => lookupQuestionnaire(ctx, request.body.token, request.ip),
  });

  r.put(`${responses}/answers/:alterId`, {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'saveSurveyAnswer',
      summary: 'Save the answer about one other member (save as you go)',
      description: `${publicNote} Ratings are 1–4; an alter not in the round: 400.`,
      params: answerParams,
      body: answerBody,
      response: { 200: answerSchema, ...problems(409, 429) },
    },
    handler: (request) => saveAnswer(ctx, request.params.alterId, request.body, request.ip),
  });

  r.post(`${responses}/submission`, {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'submitSurveyAnswers',
      summary: 'Submit the answers; the link stops working',
      description: `${publicNote} Every chosen member needs an intensity.`,
      body: tokenBody,
      response: { 200: submittedSchema, ...problems(409, 429) },
    },
    handler: (request) => submitAnswers(ctx, request.body.token, request.ip),
  });
}

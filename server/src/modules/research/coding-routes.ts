import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { noContent, problems } from '../../http/route-schema.ts';
import {
  codeCreateBody,
  codeListSchema,
  codeParams,
  codeSchema,
  codeUpdateBody,
  frequencySchema,
  memoCreateBody,
  memoListSchema,
  memoParams,
  memoQuery,
  memoSchema,
  memoUpdateBody,
  openAnswerListSchema,
  openAnswersQuery,
  segmentCreateBody,
  segmentParams,
  segmentSchema,
} from './coding-schema.ts';
import {
  changeCode,
  createCode,
  getCodeFrequencies,
  getCodes,
  removeCode,
} from './coding-service.ts';
import { changeMemo, createMemo, getMemos, removeMemo } from './memo-service.ts';
import { studyParams } from './schema.ts';
import { createSegment, getOpenAnswers, removeSegment } from './segment-service.ts';

/** The codebook, coded segments, open answers to code, memos and code frequencies; the team only. */
export function codingRoutes(app: FastifyInstance, ctx: AppContext, study: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const config = { policy: policy.workspace('research.conduct') };
  const ws = (request: Parameters<typeof requireWorkspace>[0]) => requireWorkspace(request).id;

  r.get(`${study}/codes`, {
    config,
    schema: {
      tags,
      operationId: 'listStudyCodes',
      summary: 'The codebook: codes depth first, parents before children',
      params: studyParams,
      response: { 200: codeListSchema, ...problems() },
    },
    handler: (request) => getCodes(ctx, request.actor, ws(request), request.params.studyId),
  });

  r.post(`${study}/codes`, {
    config,
    schema: {
      tags,
      operationId: 'createStudyCode',
      summary: 'Add a code (sibling names are unique: 409)',
      params: studyParams,
      body: codeCreateBody,
      response: { 201: codeSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createCode(ctx, request.actor, ws(request), request.params.studyId, request.body),
        ),
  });

  r.patch(`${study}/codes/:codeId`, {
    config,
    schema: {
      tags,
      operationId: 'updateStudyCode',
      summary: 'Rename, redefine, move or reorder a code',
      description: 'Moving a code under itself or a code below it: 400 (`cycle`).',
      params: codeParams,
      body: codeUpdateBody,
      response: { 200: codeSchema, ...problems(409) },
    },
    handler: (request) =>
      changeCode(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.codeId,
        request.body,
      ),
  });

  r.delete(`${study}/codes/:codeId`, {
    config,
    schema: {
      tags,
      operationId: 'deleteStudyCode',
      summary: 'Delete a code and the codes below it',
      description: '409 when it or a code below it has coded segments.',
      params: codeParams,
      response: { 204: noContent, ...problems(409) },
    },
    handler: async (request, reply) => {
      await removeCode(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.codeId,
      );
      return reply.code(204).send(null);
    },
  });

  r.post(`${study}/segments`, {
    config,
    schema: {
      tags,
      operationId: 'createStudySegment',
      summary: 'Code a segment of a transcript or an open answer',
      description:
        'Exactly one of interviewId and answerId; 0 ≤ start < end ≤ the length of the text in UTF-16 code units. Answers with the coded text (an audited read).',
      params: studyParams,
      body: segmentCreateBody,
      response: { 201: segmentSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createSegment(
            ctx,
            request.actor,
            ws(request),
            request.params.studyId,
            request.body,
          ),
        ),
  });

  r.delete(`${study}/segments/:segmentId`, {
    config,
    schema: {
      tags,
      operationId: 'deleteStudySegment',
      summary: 'Remove a coded segment (and its memos)',
      params: segmentParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeSegment(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.segmentId,
      );
      return reply.code(204).send(null);
    },
  });

  r.get(`${study}/open-answers`, {
    config,
    schema: {
      tags,
      operationId: 'listStudyOpenAnswers',
      summary: 'Open answers with their coded segments (pseudonyms only; audited read)',
      params: studyParams,
      querystring: openAnswersQuery,
      response: { 200: openAnswerListSchema, ...problems() },
    },
    handler: (request) =>
      getOpenAnswers(ctx, request.actor, ws(request), request.params.studyId, request.query),
  });

  r.get(`${study}/memos`, {
    config,
    schema: {
      tags,
      operationId: 'listStudyMemos',
      summary: 'Memos, newest first (audited read)',
      params: studyParams,
      querystring: memoQuery,
      response: { 200: memoListSchema, ...problems() },
    },
    handler: (request) =>
      getMemos(ctx, request.actor, ws(request), request.params.studyId, request.query),
  });

  r.post(`${study}/memos`, {
    config,
    schema: {
      tags,
      operationId: 'createStudyMemo',
      summary: 'Write a memo, optionally about a code, an interview or a segment',
      params: studyParams,
      body: memoCreateBody,
      response: { 201: memoSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createMemo(ctx, request.actor, ws(request), request.params.studyId, request.body),
        ),
  });

  r.patch(`${study}/memos/:memoId`, {
    config,
    schema: {
      tags,
      operationId: 'updateStudyMemo',
      summary: 'Change a memo’s title or body',
      params: memoParams,
      body: memoUpdateBody,
      response: { 200: memoSchema, ...problems() },
    },
    handler: (request) =>
      changeMemo(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.memoId,
        request.body,
      ),
  });

  r.delete(`${study}/memos/:memoId`, {
    config,
    schema: {
      tags,
      operationId: 'deleteStudyMemo',
      summary: 'Delete a memo',
      params: memoParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeMemo(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.memoId,
      );
      return reply.code(204).send(null);
    },
  });

  r.get(`${study}/code-frequencies`, {
    config,
    schema: {
      tags,
      operationId: 'getStudyCodeFrequencies',
      summary: 'Per code and wave: coded segments and distinct participants',
      description:
        'Counts segments coded with the code itself (not its descendants). The wave column with id null holds interviews tied to no wave; it is present only when there are such segments.',
      params: studyParams,
      response: { 200: frequencySchema, ...problems() },
    },
    handler: (request) =>
      getCodeFrequencies(ctx, request.actor, ws(request), request.params.studyId),
  });
}

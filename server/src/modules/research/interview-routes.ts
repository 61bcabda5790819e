import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { noContent, problems } from '../../http/route-schema.ts';
import {
  attachmentBody,
  attachmentBytes,
  attachmentParams,
  attachmentSchema,
  interviewCreateBody,
  interviewDetailSchema,
  interviewListQuery,
  interviewListSchema,
  interviewParams,
  interviewSummarySchema,
  interviewUpdateBody,
  transcriptBody,
  UPLOAD_BODY_LIMIT,
} from './interview-schema.ts';
import {
  addAttachment,
  changeInterview,
  createInterview,
  getInterview,
  getInterviews,
  readAttachment,
  removeAttachment,
  removeInterview,
  uploadTranscript,
} from './interview-service.ts';
import { studyParams } from './schema.ts';

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Interviews (transcripts, attachments) of a study; the team only. */
export function interviewRoutes(app: FastifyInstance, ctx: AppContext, study: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const conduct = { policy: policy.workspace('research.conduct') };
  const interviews = `${study}/interviews`;
  const interview = `${interviews}/:interviewId`;
  const attachment = `${interview}/attachments/:attachmentId`;
  const ws = (request: Parameters<typeof requireWorkspace>[0]) => requireWorkspace(request).id;

  r.get(interviews, {
    config: conduct,
    schema: {
      tags,
      operationId: 'listStudyInterviews',
      summary: 'Interviews of the study, newest first (pseudonyms only)',
      params: studyParams,
      querystring: interviewListQuery,
      response: { 200: interviewListSchema, ...problems() },
    },
    handler: (request) =>
      getInterviews(ctx, request.actor, ws(request), request.params.studyId, request.query),
  });

  r.post(interviews, {
    config: conduct,
    // A 500 000-character transcript in JSON can exceed the default 1 MB.
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'createStudyInterview',
      summary: 'Record an interview (the caller is the interviewer)',
      description:
        'Needs the participant’s current participation consent (409 otherwise). The transcript is stored encrypted.',
      params: studyParams,
      body: interviewCreateBody,
      response: { 201: interviewSummarySchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await createInterview(
            ctx,
            request.actor,
            ws(request),
            request.params.studyId,
            request.body,
          ),
        ),
  });

  r.get(interview, {
    config: conduct,
    schema: {
      tags,
      operationId: 'getStudyInterview',
      summary: 'An interview with its transcript, attachments and coded segments (audited read)',
      params: interviewParams,
      response: { 200: interviewDetailSchema, ...problems() },
    },
    handler: (request) =>
      getInterview(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
      ),
  });

  r.patch(interview, {
    config: conduct,
    schema: {
      tags,
      operationId: 'updateStudyInterview',
      summary: 'Change an interview’s title, date or wave',
      params: interviewParams,
      body: interviewUpdateBody,
      response: { 200: interviewSummarySchema, ...problems() },
    },
    handler: (request) =>
      changeInterview(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
        request.body,
      ),
  });

  r.delete(interview, {
    config: conduct,
    schema: {
      tags,
      operationId: 'deleteStudyInterview',
      summary: 'Delete an interview with its attachments, segments and memos',
      params: interviewParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeInterview(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
      );
      return reply.code(204).send(null);
    },
  });

  r.put(`${interview}/transcript`, {
    config: conduct,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'uploadInterviewTranscript',
      summary: 'Replace the transcript by a .txt, .md or .docx file',
      description:
        'txt and md are kept as they are (UTF-8; BOM stripped, newlines normalised); docx is converted to plain text, paragraphs separated by a blank line. A file that cannot be read: 400 with the reason. Refused (409) once segments are coded in the transcript, or without current participation consent.',
      params: interviewParams,
      body: transcriptBody,
      response: { 200: interviewSummarySchema, ...problems(409, 413) },
    },
    handler: (request) =>
      uploadTranscript(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
        request.body,
      ),
  });

  r.post(`${interview}/attachments`, {
    config: conduct,
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'addInterviewAttachment',
      summary: 'Attach a file (at most 10 MB; stored encrypted)',
      description:
        'Audio and video (audio/*, video/*) need the participant’s current recording consent (409 otherwise).',
      params: interviewParams,
      body: attachmentBody,
      response: { 201: attachmentSchema, ...problems(409, 413) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addAttachment(
            ctx,
            request.actor,
            ws(request),
            request.params.studyId,
            request.params.interviewId,
            request.body,
          ),
        ),
  });

  r.get(attachment, {
    config: conduct,
    schema: {
      tags,
      operationId: 'downloadInterviewAttachment',
      summary: 'An attachment’s bytes, as a download (audited read)',
      params: attachmentParams,
      response: {
        200: {
          description: 'The file as it was uploaded, with its media type',
          content: { 'application/octet-stream': { schema: attachmentBytes } },
        },
        ...problems(),
      },
    },
    handler: async (request, reply) => {
      const file = await readAttachment(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
        request.params.attachmentId,
      );
      return reply
        .header('Content-Type', file.mediaType)
        .header('Content-Disposition', contentDisposition(file.filename))
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.body);
    },
  });

  r.delete(attachment, {
    config: conduct,
    schema: {
      tags,
      operationId: 'deleteInterviewAttachment',
      summary: 'Delete an attachment',
      params: attachmentParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeAttachment(
        ctx,
        request.actor,
        ws(request),
        request.params.studyId,
        request.params.interviewId,
        request.params.attachmentId,
      );
      return reply.code(204).send(null);
    },
  });
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The one error model: RFC 9457 problem details. Services throw AppError; the error handler turns
 * every error (validation, parsing, unknown) into application/problem+json.
 */

export interface FieldError {
  /** JSON pointer (RFC 6901) into the part named by `location`, e.g. `/email`. */
  pointer: string;
  location: 'body' | 'query' | 'path' | 'header';
  code: string;
  detail: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, detail: string, errors: FieldError[] = []) =>
  new AppError(400, code, detail, errors);
export const unauthorized = (detail = 'Authentication is required.', code = 'unauthenticated') =>
  new AppError(401, code, detail);
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', detail);
export const notFound = (detail = 'The resource does not exist.') =>
  new AppError(404, 'not_found', detail);
export const conflict = (code: string, detail: string, errors: FieldError[] = []) =>
  new AppError(409, code, detail, errors);

export const fieldError = (
  pointer: string,
  code: string,
  detail: string,
  location: FieldError['location'] = 'body',
): FieldError => ({ pointer, location, code, detail });

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemTitle = (status: number): string => titles[status] ?? 'Error';

export const problemSchema = z
  .object({
    type: z.string().describe('URI reference identifying the problem type'),
    title: z.string().describe('Short, human-readable summary of the problem type'),
    status: z.number().int().describe('HTTP status code'),
    detail: z.string().describe('Explanation specific to this occurrence'),
    code: z.string().describe('Stable machine-readable error code'),
    instance: z.string().optional().describe('The request path'),
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          location: z.enum(['body', 'query', 'path', 'header']),
          code: z.string(),
          detail: z.string(),
        }),
      )
      .optional()
      .describe('Every validation error found in the request'),
  })
  .describe('Problem details (RFC 9457)')
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export function problem(
  status: number,
  code: string,
  detail: string,
  instance?: string,
  errors?: FieldError[],
): Problem {
  return {
    type: status === 500 ? 'about:blank' : `urn:wijkdragers:problem:${code}`,
    title: problemTitle(status),
    status,
    detail,
    code,
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem, headers: Record<string, string> = {}) {
  return reply
    .code(p.status)
    .headers(headers)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(p);
}

const locationOf: Record<string, FieldError['location']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

function zodIssueCode(issue: { code?: string; keyword?: string; params?: unknown }): string {
  const raw = (issue as { params?: { issue?: { code?: string } } }).params?.issue?.code;
  return raw ?? issue.keyword ?? 'invalid';
}

function fastifyCodeToProblem(
  err: FastifyError,
): { status: number; code: string; detail: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', detail: 'The request body is too large.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'invalid_content_length',
        detail: 'The Content-Length does not match the body.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        detail: 'Send the request body as application/json.',
      };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const instance = request.url.split('?')[0];
    if (err instanceof AppError) {
      return sendProblem(
        reply,
        problem(err.status, err.code, err.message, instance, err.errors),
        err.headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const location = locationOf[err.validationContext ?? 'body'] ?? 'body';
      const errors = err.validation.map((v) => ({
        pointer: v.instancePath || '/',
        location,
        code: zodIssueCode(v),
        detail: v.message ?? 'Invalid value',
      }));
      return sendProblem(
        reply,
        problem(400, 'validation_failed', `The request ${location} is invalid.`, instance, errors),
      );
    }
    const mapped = fastifyCodeToProblem(err);
    if (mapped)
      return sendProblem(reply, problem(mapped.status, mapped.code, mapped.detail, instance));
    if (isResponseSerializationError(err)) {
      request.log.error(
        { err: { message: err.message, issues: err.cause.issues } },
        'response did not match its schema',
      );
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendProblem(
        reply,
        problem(err.statusCode, (err.code ?? 'bad_request').toLowerCase(), err.message, instance),
      );
    } else {
      // Not pino's err serializer: it copies every property, and driver errors carry row values
      // (PostgreSQL's `detail` names the duplicate email address, for example).
      request.log.error(
        { err: { type: err.name, code: err.code, message: err.message, stack: err.stack } },
        'unhandled error',
      );
    }
    return sendProblem(
      reply,
      problem(500, 'internal_error', 'Something went wrong on our side.', instance),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'not_found', 'No such resource.', request.url.split('?')[0])),
  );
}

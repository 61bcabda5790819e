import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { Config } from '../config.ts';
import { API_VERSION } from './openapi.ts';
import { problem, sendProblem } from './problem.ts';

/** Security headers on every response: strict CSP (no inline code), no framing, HSTS on https. */
export function helmetOptions(config: Config): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  };
}

const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/v1/openapi');

export async function registerHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, helmetOptions(config));
  app.addHook('onSend', async (request, reply) => {
    reply.header('API-Version', API_VERSION);
    if (isApi(request.url)) reply.header('Cache-Control', 'no-store');
  });
}

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/**
 * Fastify answers a malformed URL before routing, so no hook runs: without this handler such
 * answers would go out without security headers and outside the problem+json model. The headers
 * come from the same helmet (the one @fastify/helmet uses) with the same options.
 */
export function frameworkErrorHandler(config: Config) {
  const requireFromPlugin = createRequire(
    createRequire(import.meta.url).resolve('@fastify/helmet'),
  );
  const applyHelmet = (requireFromPlugin('helmet') as (o: object) => Middleware)(
    helmetOptions(config),
  );
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    applyHelmet(request.raw, reply.raw, () => undefined);
    reply.header('API-Version', API_VERSION);
    reply.header('Cache-Control', 'no-store');
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
    return sendProblem(
      reply,
      problem(status, 'malformed_request', 'The request URL is malformed.'),
    );
  };
}

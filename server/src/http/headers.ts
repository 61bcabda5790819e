import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';
import { API_VERSION } from './openapi.ts';
import { problem, sendProblem } from './problem.ts';

/** Security headers on every response: strict CSP (no inline code), no framing, HSTS on https. */
export function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Map tiles come from the configured tile server only (none by default).
        imgSrc: [
          "'self'",
          'data:',
          ...(config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/[{}]/g, '')).origin] : []),
        ],
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

/**
 * The headers helmet would set, worked out once at start: they depend only on the configuration,
 * so per-request work is one object copy instead of rebuilding the CSP every time.
 */
export function securityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  helmet(helmetOptions(config))(
    {} as IncomingMessage,
    res as unknown as ServerResponse,
    () => undefined,
  );
  return { ...headers, 'API-Version': API_VERSION };
}

const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/v1/openapi');

export function registerHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (isApi(request.url)) reply.header('Cache-Control', 'no-store');
    done();
  });
}

/**
 * Fastify answers a malformed URL before routing, so no hook runs: without this handler such
 * answers would go out without security headers and outside the problem+json model.
 */
export function frameworkErrorHandler(config: Config) {
  const headers = securityHeaders(config);
  return (err: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers);
    reply.header('Cache-Control', 'no-store');
    const status =
      err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
    return sendProblem(
      reply,
      problem(status, 'malformed_request', 'The request URL is malformed.'),
    );
  };
}

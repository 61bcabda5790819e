import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { policy, type RoutePolicy } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import { sessionCookieName } from './auth.ts';
import { problemTitle } from './problem.ts';

export const API_VERSION = '1.0.0';
const PREFIX = '/api/v1';

type Responses = Record<
  string,
  { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }
>;
type Operation = { responses?: Responses };

const apiVersionHeader = {
  'API-Version': {
    description: 'The full version of the API (NL API Design Rules: /core/version-header)',
    schema: { type: 'string', example: API_VERSION },
  },
};

/** How a caller may authenticate for a route's policy (OpenAPI security requirements). */
export function securityOf(routePolicy: RoutePolicy | undefined): Record<string, string[]>[] {
  if (!routePolicy || routePolicy.auth === 'public') return [];
  if (
    routePolicy.auth === 'session' ||
    (routePolicy.auth === 'workspace' && routePolicy.sessionOnly)
  ) {
    return [{ session: [] }];
  }
  return [{ session: [] }, { bearer: [] }];
}

/**
 * Adds what the NL API Design Rules ask of every operation: an API-Version header on 2xx/3xx,
 * problem+json content on 4xx/5xx, and paths relative to the versioned server URL.
 */
export function finishDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
  const out: Record<string, Record<string, Operation>> = {};
  for (const [path, ops] of Object.entries(paths)) {
    if (!path.startsWith(PREFIX)) continue;
    for (const op of Object.values(ops)) {
      for (const [status, res] of Object.entries(op.responses ?? {})) {
        if (/^[23]/.test(status)) res.headers = { ...res.headers, ...apiVersionHeader };
        if (/^[45]/.test(status) && res.content) {
          const schema = Object.values(res.content)[0];
          res.content = { 'application/problem+json': schema };
          res.description = problemTitle(Number(status));
        }
      }
    }
    out[path.slice(PREFIX.length) || '/'] = ops;
  }
  return { ...doc, paths: out };
}

export async function registerOpenApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wijkdragers API',
        description:
          'Who carries what, where: carriers, organisations, collaboration, support and obstacles in Dutch neighbourhoods. Resource and field names are English; see docs/decisions.',
        version: API_VERSION,
        contact: {
          name: 'Wijkdragers',
          email: 'api@wijkdragers.nl',
          url: 'https://wijkdragers.nl',
        },
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
      },
      servers: [{ url: `${ctx.config.publicUrl}${PREFIX}` }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookieName(ctx),
            description:
              'Browser session (HttpOnly cookie) plus X-CSRF-Token on state-changing requests',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Personal API token (wd_…) scoped to one workspace',
          },
        },
      },
    },
    // finishDocument strips the /api/v1 prefix itself, after dropping everything outside it.
    stripBasePath: false,
    // Each operation states how it may be called, derived from the route's declared policy.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      if (out.schema.hide) return out;
      return {
        ...out,
        schema: { ...out.schema, security: securityOf(input.route.config?.policy) },
      };
    },
    transformObject: (documentObject) =>
      finishDocument(jsonSchemaTransformObject(documentObject) as Record<string, unknown>) as never,
  });

  app.get(
    `${PREFIX}/openapi.json`,
    { config: { policy: policy.public }, schema: { hide: true } },
    (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      return app.swagger();
    },
  );
}

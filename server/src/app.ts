import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { systemClock, type AppContext, type Clock } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/dialect.ts';
import { CredentialCache } from './modules/auth/credential-cache.ts';
import { migrateToLatest } from './db/migrate.ts';
import { registerAuth } from './http/auth.ts';
import { frameworkErrorHandler, registerHeaders } from './http/headers.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerErrorHandling } from './http/problem.ts';
import { registerWebApp } from './http/static.ts';
import { apiTokenRoutes } from './modules/api-tokens/routes.ts';
import { areaRoutes } from './modules/areas/routes.ts';
import { taxonomyRoutes } from './modules/taxonomy/routes.ts';
import { actorRoutes } from './modules/actors/routes.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { initiativeRoutes } from './modules/initiatives/routes.ts';
import { directoryRoutes } from './modules/directory/routes.ts';
import { exchangeRoutes } from './modules/exchange/routes.ts';
import { obstacleRoutes } from './modules/obstacles/routes.ts';
import { supportRoutes } from './modules/support/routes.ts';
import { fundingRoutes } from './modules/funding/routes.ts';
import { tieRoutes } from './modules/ties/routes.ts';
import { allianceRoutes } from './modules/alliances/routes.ts';
import { networkRoutes } from './modules/network/routes.ts';
import { surveyRoutes } from './modules/surveys/routes.ts';
import { checkInRoutes } from './modules/check-ins/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { signalRoutes } from './modules/signals/routes.ts';
import { researchRoutes } from './modules/research/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { invitationRoutes } from './modules/invitations/routes.ts';
import { meRoutes } from './modules/me/routes.ts';
import { workspaceRoutes } from './modules/workspaces/routes.ts';

export interface BuildOptions {
  clock?: Clock;
  /** A pino destination stream (tests capture logs to check what they contain). */
  logStream?: NodeJS.WritableStream;
  database?: DatabaseHandle;
  webRoot?: string;
  /** Called for every route as it is registered (tests build the route inventory from it). */
  onRoute?: (route: RouteOptions) => void;
}

export interface Built {
  app: FastifyInstance;
  ctx: AppContext;
  database: DatabaseHandle;
}

/** Log lines carry method, path and status: never IP addresses, query strings, headers or bodies. */
function loggerOptions(
  config: Config,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        // Survey links carry their token in the path (/meting/<token>): never log it.
        path: req.url.split('?')[0]?.replace(/^\/meting\/[^/]+/, '/meting/:token'),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<Built> {
  const database = options.database ?? openDatabase(config.databaseUrl);
  await migrateToLatest(database.db);

  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false },
    frameworkErrors: frameworkErrorHandler(config),
  });
  const ctx: AppContext = {
    config,
    db: database.db,
    clock: options.clock ?? systemClock,
    log: app.log,
    credentialCache: new CredentialCache(database.credentialChanges),
  };
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);

  await app.register(cookie);
  registerHeaders(app, config);

  registerAuth(app, ctx);
  await registerOpenApi(app, ctx);
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  meRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  invitationRoutes(app, ctx);
  apiTokenRoutes(app, ctx);
  auditRoutes(app, ctx);
  areaRoutes(app, ctx);
  taxonomyRoutes(app, ctx);
  actorRoutes(app, ctx);
  activityRoutes(app, ctx);
  initiativeRoutes(app, ctx);
  directoryRoutes(app, ctx);
  exchangeRoutes(app, ctx);
  obstacleRoutes(app, ctx);
  supportRoutes(app, ctx);
  fundingRoutes(app, ctx);
  tieRoutes(app, ctx);
  allianceRoutes(app, ctx);
  networkRoutes(app, ctx);
  surveyRoutes(app, ctx);
  checkInRoutes(app, ctx);
  notificationRoutes(app, ctx);
  signalRoutes(app, ctx);
  researchRoutes(app, ctx);
  await registerWebApp(app, options.webRoot);

  app.addHook('onClose', async () => {
    ctx.credentialCache?.close();
    if (!options.database) await database.destroy();
  });
  await app.ready();
  return { app, ctx, database };
}

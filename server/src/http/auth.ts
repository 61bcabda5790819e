import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, roleIn, type RoutePolicy } from '../auth/policy.ts';
import type { Actor, AppContext } from '../context.ts';
import type { Workspace } from '../db/types.ts';
import {
  authenticateApiToken,
  authenticateSession,
  csrfMatches,
  type Authenticated,
} from '../modules/auth/sessions.ts';
import { AppError, forbidden, notFound, unauthorized } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | undefined;
    workspace: Workspace | undefined;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(ctx: AppContext): string {
  // Browsers only accept the __Host- prefix on Secure cookies, which need https.
  return ctx.config.secureCookies ? '__Host-wd_session' : 'wd_session';
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx), token, {
    path: '/',
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: 'lax',
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(ctx), {
    path: '/',
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: 'lax',
  });
}

/** Cross-site state-changing requests are refused (Fetch Metadata and Origin). */
function isCrossSite(ctx: AppContext, request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== new URL(ctx.config.publicUrl).origin;
}

async function authenticate(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<Authenticated | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
    const found = match?.[1] ? await authenticateApiToken(ctx, match[1]) : undefined;
    if (!found) throw unauthorized('The API token is invalid or revoked.', 'invalid_token');
    return found;
  }
  const cookie = request.cookies[sessionCookieName(ctx)];
  return cookie ? authenticateSession(ctx, cookie) : undefined;
}

/**
 * Authenticates every request and enforces the route's declared policy before the body is read.
 * Every route must declare a policy; registering one without fails at start-up.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('workspace', undefined);

  // No exceptions: an exempt prefix or method would be a route that skips the policy check.
  app.addHook('onRoute', (route) => {
    if (!route.config?.policy) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no policy`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'anonymous' };
    const routePolicy = request.routeOptions.config?.policy;
    if (!routePolicy) {
      if (request.is404) return; // the not-found handler answers without touching anything
      throw new AppError(500, 'internal_error', 'This route declares no policy.'); // fail closed
    }
    if (routePolicy.auth === 'static') return; // no session lookup for assets and health checks
    const state = !SAFE_METHODS.has(request.method);
    if (state && isCrossSite(ctx, request)) {
      throw new AppError(403, 'cross_site_request', 'Cross-site requests are not allowed.');
    }
    const auth = await authenticate(ctx, request);
    if (auth) {
      request.actor = auth.actor;
      request.csrfToken = auth.csrfToken;
      if (
        state &&
        auth.actor.via === 'session' &&
        !csrfMatches(auth.csrfToken, request.headers[CSRF_HEADER] as string | undefined)
      ) {
        throw new AppError(403, 'csrf_failed', 'The CSRF token is missing or wrong.');
      }
    }
    if (routePolicy.auth === 'public') return;
    if (!auth) throw unauthorized();
    const viaToken = auth.actor.via === 'token';
    if (
      routePolicy.auth === 'session' ||
      (routePolicy.auth === 'workspace' && routePolicy.sessionOnly)
    ) {
      if (viaToken) throw forbidden('This action needs a browser session, not an API token.');
    }
    if (routePolicy.auth !== 'workspace') return;
    const slug = (request.params as Record<string, string> | undefined)?.workspaceSlug;
    // Only members pass, and authentication already read the member's workspaces: no lookup.
    const summary = slug ? auth.actor.profile?.workspaces.find((w) => w.slug === slug) : undefined;
    const workspace: Workspace | undefined = summary && {
      id: summary.id,
      slug: summary.slug,
      name: summary.name,
      gemeentecode: summary.gemeentecode,
      created_at: summary.createdAt,
      directory_version: summary.directoryVersion,
      signals_version: summary.signalsVersion,
      signals_detected_version: summary.signalsDetectedVersion,
    };
    if (!workspace || roleIn(auth.actor, workspace.id) === undefined)
      throw notFound('No such workspace.');
    if (!can(auth.actor, routePolicy.permission, workspace.id)) throw forbidden();
    request.workspace = workspace;
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.actor && request.actor.kind !== 'anonymous')
      reply.header('Cache-Control', 'no-store');
  });
}

export function requireWorkspace(request: FastifyRequest): Workspace {
  if (!request.workspace) throw notFound('No such workspace.');
  return request.workspace;
}

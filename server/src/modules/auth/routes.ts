import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy, requireUser } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/auth.ts';
import { noContent, problems } from '../../http/route-schema.ts';
import { loginBody, meSchema, resetBody, resetRequestBody } from './schema.ts';
import { buildMe, login, logout, requestPasswordReset, resetPassword } from './service.ts';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Authentication'];

  r.post('/api/v1/auth/login', {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'login',
      summary: 'Log in with email and password; sets the session cookie',
      body: loginBody,
      response: { 200: meSchema, ...problems(429) },
    },
    handler: async (request, reply) => {
      const { session, userId } = await login(ctx, request.body, request.ip);
      setSessionCookie(ctx, reply, session.token);
      return buildMe(ctx, userId, session.csrfToken);
    },
  });

  r.post('/api/v1/auth/logout', {
    config: { policy: policy.session },
    schema: {
      tags,
      operationId: 'logout',
      summary: 'End this session',
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      await logout(ctx, actor.userId, actor.sessionIdHash ?? '');
      clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/auth/password-reset-requests', {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'requestPasswordReset',
      summary: 'Email a single-use link to set a new password (same answer for unknown addresses)',
      body: resetRequestBody,
      response: { 202: noContent, ...problems(429) },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, request.ip);
      return reply.code(202).send(null);
    },
  });

  r.post('/api/v1/auth/password-resets', {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'resetPassword',
      summary: 'Set a new password with a reset token; ends all sessions',
      body: resetBody,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await resetPassword(ctx, request.body);
      return reply.code(204).send(null);
    },
  });
}

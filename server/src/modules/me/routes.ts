import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy, requireUser } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { setSessionCookie } from '../../http/auth.ts';
import { problems } from '../../http/route-schema.ts';
import { changePasswordBody, meSchema, sessionsSchema, updateMeBody } from '../auth/schema.ts';
import { buildMe, meOf } from '../auth/service.ts';
import { changePassword, endOtherSessions, listSessions, updateProfile } from './service.ts';

export function meRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Account'];

  r.get('/api/v1/me', {
    config: { policy: policy.authenticated },
    schema: {
      tags,
      operationId: 'getMe',
      summary: 'The signed-in user and their workspaces',
      response: { 200: meSchema, ...problems() },
    },
    handler: (request) => meOf(ctx, request.actor, request.csrfToken),
  });

  r.patch('/api/v1/me', {
    config: { policy: policy.session },
    schema: {
      tags,
      operationId: 'updateMe',
      summary: 'Change display name or language',
      body: updateMeBody,
      response: { 200: meSchema, ...problems() },
    },
    handler: async (request) => {
      await updateProfile(ctx, request.actor, request.body);
      return buildMe(ctx, requireUser(request.actor).userId, request.csrfToken);
    },
  });

  r.post('/api/v1/me/password', {
    config: { policy: policy.session },
    schema: {
      tags,
      operationId: 'changePassword',
      summary: 'Change the password; ends all sessions and starts a new one',
      body: changePasswordBody,
      response: { 200: meSchema, ...problems(429) },
    },
    handler: async (request, reply) => {
      const session = await changePassword(ctx, request.actor, request.body);
      setSessionCookie(ctx, reply, session.token);
      return buildMe(ctx, requireUser(request.actor).userId, session.csrfToken);
    },
  });

  r.get('/api/v1/me/sessions', {
    config: { policy: policy.session },
    schema: {
      tags,
      operationId: 'listSessions',
      summary: 'Your active sessions',
      response: { 200: sessionsSchema, ...problems() },
    },
    handler: async (request) => ({ items: await listSessions(ctx, request.actor) }),
  });

  r.post('/api/v1/me/sessions/end-others', {
    config: { policy: policy.session },
    schema: {
      tags,
      operationId: 'endOtherSessions',
      summary: 'End all your sessions except this one',
      response: { 200: z.object({ ended: z.number().int() }), ...problems() },
    },
    handler: async (request) => ({ ended: await endOtherSessions(ctx, request.actor) }),
  });
}

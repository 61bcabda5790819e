import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace, setSessionCookie } from '../../http/auth.ts';
import { pageBounds, pageOf, pageQuery, paged } from '../../http/pagination.ts';
import {
  email,
  language,
  noContent,
  password,
  problems,
  role,
  uuid,
  workspaceParams,
} from '../../http/route-schema.ts';
import { meSchema } from '../auth/schema.ts';
import { buildMe } from '../auth/service.ts';
import {
  acceptInvitation,
  invite,
  listWorkspaceInvitations,
  lookupInvitation,
  revokeInvitation,
} from './service.ts';

const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role,
  language,
  status: z.enum(['open', 'accepted', 'expired', 'revoked']),
  createdAt: z.string(),
  expiresAt: z.string(),
});

const token = z.string().min(10).max(200).describe('Token from the invitation email');

export function invitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Invitations'];

  r.get('/api/v1/workspaces/:workspaceSlug/invitations', {
    config: { policy: policy.workspace('invitations.manage') },
    schema: {
      tags,
      operationId: 'listInvitations',
      summary: 'Invitations of the workspace',
      params: workspaceParams,
      querystring: pageQuery,
      response: { 200: pageOf(invitationSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await listWorkspaceInvitations(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          pageBounds(request.query),
        ),
      ),
  });

  r.post('/api/v1/workspaces/:workspaceSlug/invitations', {
    config: { policy: policy.workspace('invitations.manage', true) },
    schema: {
      tags,
      operationId: 'createInvitation',
      summary: 'Invite someone by email (single-use link, valid 7 days)',
      params: workspaceParams,
      body: z.strictObject({
        email: email.describe('Address to invite'),
        role: role.describe('Role on acceptance'),
        language: language.default('nl').describe('Language of the email'),
      }),
      response: { 201: invitationSchema, ...problems(409) },
    },
    handler: async (request, reply) => {
      const { token: _secret, ...created } = await invite(
        ctx,
        request.actor,
        requireWorkspace(request),
        request.body,
      );
      return reply.code(201).send(created);
    },
  });

  r.delete('/api/v1/workspaces/:workspaceSlug/invitations/:invitationId', {
    config: { policy: policy.workspace('invitations.manage', true) },
    schema: {
      tags,
      operationId: 'revokeInvitation',
      summary: 'Revoke an open invitation',
      params: workspaceParams.extend({ invitationId: uuid }),
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await revokeInvitation(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.invitationId,
      );
      return reply.code(204).send(null);
    },
  });

  r.post('/api/v1/invitations/lookup', {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'lookupInvitation',
      summary: 'What an invitation token is for (the token travels in the body, never in a URL)',
      body: z.strictObject({ token }),
      response: {
        200: z.object({
          workspaceSlug: z.string(),
          workspaceName: z.string(),
          email: z.string(),
          role,
          accountExists: z.boolean(),
        }),
        ...problems(),
      },
    },
    handler: (request) => lookupInvitation(ctx, request.body.token),
  });

  r.post('/api/v1/invitations/accept', {
    config: { policy: policy.public },
    schema: {
      tags,
      operationId: 'acceptInvitation',
      summary: 'Accept an invitation; creates the account when needed and logs in',
      // Name and password rules are checked together in the service, so every problem is listed at once.
      body: z.strictObject({
        token,
        displayName: z.string().max(200).optional().describe('Your name (new accounts)'),
        password: password.optional(),
        language: language.optional(),
      }),
      response: { 200: meSchema, ...problems() },
    },
    handler: async (request, reply) => {
      const { userId, session } = await acceptInvitation(ctx, request.actor, request.body);
      if (session) setSessionCookie(ctx, reply, session.token);
      return buildMe(ctx, userId, session?.csrfToken ?? request.csrfToken);
    },
  });
}

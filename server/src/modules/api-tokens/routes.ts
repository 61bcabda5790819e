import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { noContent, problems, uuid, workspaceParams } from '../../http/route-schema.ts';
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from './service.ts';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function apiTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['API tokens'];

  r.get('/api/v1/workspaces/:workspaceSlug/api-tokens', {
    config: { policy: policy.workspace('tokens.own', true) },
    schema: {
      tags,
      operationId: 'listApiTokens',
      summary: 'Your personal API tokens in this workspace',
      params: workspaceParams,
      response: { 200: z.object({ items: z.array(tokenSchema) }), ...problems() },
    },
    handler: async (request) => ({
      items: await listOwnApiTokens(ctx, request.actor, requireWorkspace(request).id),
    }),
  });

  r.post('/api/v1/workspaces/:workspaceSlug/api-tokens', {
    config: { policy: policy.workspace('tokens.own', true) },
    schema: {
      tags,
      operationId: 'createApiToken',
      summary: 'Create a personal API token (shown once; stored hashed)',
      params: workspaceParams,
      body: z.strictObject({
        name: z.string().trim().min(1).max(100).describe('What the token is for'),
      }),
      response: {
        201: tokenSchema.extend({ token: z.string().describe('The secret; shown only now') }),
        ...problems(),
      },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createApiToken(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.delete('/api/v1/workspaces/:workspaceSlug/api-tokens/:tokenId', {
    config: { policy: policy.workspace('tokens.own', true) },
    schema: {
      tags,
      operationId: 'revokeApiToken',
      summary: 'Revoke one of your API tokens',
      params: workspaceParams.extend({ tokenId: uuid }),
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await revokeOwnApiToken(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.tokenId,
      );
      return reply.code(204).send(null);
    },
  });
}

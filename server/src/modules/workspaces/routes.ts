import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy, roleIn } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, pageQuery, paged } from '../../http/pagination.ts';
import { noContent, problems, role, workspaceParams } from '../../http/route-schema.ts';
import { changeRoleBody, memberParams, memberSchema, workspaceSchema } from './schema.ts';
import { changeRole, getMembers, listMyWorkspaces, removeMember } from './service.ts';

export function workspaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Workspaces'];

  r.get('/api/v1/workspaces', {
    config: { policy: policy.authenticated },
    schema: {
      tags,
      operationId: 'listWorkspaces',
      summary: 'Workspaces you are a member of',
      response: { 200: z.object({ items: z.array(workspaceSchema) }), ...problems() },
    },
    handler: async (request) => ({ items: await listMyWorkspaces(ctx, request.actor) }),
  });

  r.get('/api/v1/workspaces/:workspaceSlug', {
    config: { policy: policy.workspace('workspace.read') },
    schema: {
      tags,
      operationId: 'getWorkspace',
      summary: 'One workspace',
      params: workspaceParams,
      response: { 200: workspaceSchema, ...problems() },
    },
    handler: (request) => {
      const w = requireWorkspace(request);
      return {
        id: w.id,
        slug: w.slug,
        name: w.name,
        gemeentecode: w.gemeentecode,
        role: roleIn(request.actor, w.id) ?? 'member',
      };
    },
  });

  r.get('/api/v1/workspaces/:workspaceSlug/members', {
    config: { policy: policy.workspace('members.read') },
    schema: {
      tags,
      operationId: 'listMembers',
      summary: 'Members and their roles',
      params: workspaceParams,
      querystring: pageQuery.extend({
        role: z
          .string()
          .transform((v) => v.split(','))
          .pipe(z.array(role).max(5))
          .optional()
          .describe('Only members with these roles, comma-separated (role=admin,coordinator)'),
      }),
      response: { 200: pageOf(memberSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getMembers(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          pageBounds(request.query),
          request.query.role,
        ),
      ),
  });

  r.patch('/api/v1/workspaces/:workspaceSlug/members/:userId', {
    config: { policy: policy.workspace('members.manage', true) },
    schema: {
      tags,
      operationId: 'changeMemberRole',
      summary: "Change a member's role",
      params: memberParams,
      body: changeRoleBody,
      response: { 200: memberSchema, ...problems() },
    },
    handler: (request) =>
      changeRole(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.userId,
        request.body.role,
      ),
  });

  r.delete('/api/v1/workspaces/:workspaceSlug/members/:userId', {
    config: { policy: policy.workspace('members.manage', true) },
    schema: {
      tags,
      operationId: 'removeMember',
      summary: 'Remove a member from the workspace',
      params: memberParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeMember(ctx, request.actor, requireWorkspace(request).id, request.params.userId);
      return reply.code(204).send(null);
    },
  });
}

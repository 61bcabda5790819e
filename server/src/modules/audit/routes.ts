import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, pageQuery, paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { listWorkspaceAudit } from './service.ts';

const eventSchema = z.object({
  id: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  createdAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/workspaces/:workspaceSlug/audit-events', {
    config: { policy: policy.workspace('audit.read') },
    schema: {
      tags: ['Audit'],
      operationId: 'listAuditEvents',
      summary: 'Security events of the workspace (newest first)',
      params: workspaceParams,
      querystring: pageQuery,
      response: { 200: pageOf(eventSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await listWorkspaceAudit(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          pageBounds(request.query),
        ),
      ),
  });
}

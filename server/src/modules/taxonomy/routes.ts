import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import {
  termCreateBody,
  termListQuery,
  termListSchema,
  termParams,
  termSchema,
  termUpdateBody,
} from './schema.ts';
import { changeTerm, createTerm, getTerms } from './service.ts';

export function taxonomyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Taxonomy'];
  const path = '/api/v1/workspaces/:workspaceSlug/taxonomy-terms';

  r.get(path, {
    config: { policy: policy.workspace('workspace.read') },
    schema: {
      tags,
      operationId: 'listTaxonomyTerms',
      summary: 'Domains and target groups of the workspace, in display order',
      params: workspaceParams,
      querystring: termListQuery,
      response: { 200: termListSchema, ...problems() },
    },
    handler: (request) =>
      getTerms(ctx, request.actor, requireWorkspace(request).id, {
        kind: request.query.kind,
        includeArchived: request.query.includeArchived === 'true',
      }),
  });

  r.post(path, {
    config: { policy: policy.workspace('taxonomy.manage') },
    schema: {
      tags,
      operationId: 'createTaxonomyTerm',
      summary: 'Add a domain or target group',
      params: workspaceParams,
      body: termCreateBody,
      response: { 201: termSchema, ...problems(409) },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createTerm(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.patch(`${path}/:termId`, {
    config: { policy: policy.workspace('taxonomy.manage') },
    schema: {
      tags,
      operationId: 'updateTaxonomyTerm',
      summary: 'Rename, describe, reorder, archive or restore a term (terms are never deleted)',
      params: termParams,
      body: termUpdateBody,
      response: { 200: termSchema, ...problems(409) },
    },
    handler: (request) =>
      changeTerm(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.termId,
        request.body,
      ),
  });
}

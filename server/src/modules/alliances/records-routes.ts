import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged, pageQuery } from '../../http/pagination.ts';
import { noContent, problems } from '../../http/route-schema.ts';
import {
  addAgreement,
  addContribution,
  addLogEntry,
  getAgreements,
  getContributions,
  getLog,
  removeContribution,
} from './records-service.ts';
import { ALLIANCES, tags } from './routes.ts';
import {
  agreementCreateBody,
  agreementSchema,
  allianceParams,
  contributionCreateBody,
  contributionListQuery,
  contributionParams,
  contributionSchema,
  logCreateBody,
  logSchema,
} from './schema.ts';

/** An alliance's charter versions, contributions and log (registered by routes.ts). */
export function allianceRecordRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const one = `${ALLIANCES}/:allianceId`;
  const ws = (request: Parameters<typeof requireWorkspace>[0]) => requireWorkspace(request).id;

  r.get(`${one}/agreements`, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'listAllianceAgreements',
      summary: 'Charter versions of an alliance, newest (current) first',
      params: allianceParams,
      querystring: pageQuery,
      response: { 200: pageOf(agreementSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getAgreements(
          ctx,
          request.actor,
          ws(request),
          request.params.allianceId,
          pageBounds(request.query),
        ),
      ),
  });

  r.post(`${one}/agreements`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'addAllianceAgreement',
      summary: 'Add a charter version (the previous ones stay as they were)',
      description:
        'Coordinators, admins and the carrier who leads the alliance. Every error is listed in one problem; nothing is written.',
      params: allianceParams,
      body: agreementCreateBody,
      response: { 201: agreementSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addAgreement(
            ctx,
            request.actor,
            ws(request),
            request.params.allianceId,
            request.body,
          ),
        ),
  });

  r.get(`${one}/contributions`, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'listAllianceContributions',
      summary: 'Contributions of the members (money, hours, space, in kind), latest period first',
      params: allianceParams,
      querystring: contributionListQuery,
      response: { 200: pageOf(contributionSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getContributions(
          ctx,
          request.actor,
          ws(request),
          request.params.allianceId,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(`${one}/contributions`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'addAllianceContribution',
      summary: 'Record a contribution of a member for a period',
      description:
        'Editors record any member’s contribution; a current member only their own. Values are whole euro cents, never negative. Every error is listed in one problem; nothing is written.',
      params: allianceParams,
      body: contributionCreateBody,
      response: { 201: contributionSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addContribution(
            ctx,
            request.actor,
            ws(request),
            request.params.allianceId,
            request.body,
          ),
        ),
  });

  r.delete(`${one}/contributions/:contributionId`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'deleteAllianceContribution',
      summary: 'Delete a contribution (its editors, or the member who gave it)',
      params: contributionParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeContribution(
        ctx,
        request.actor,
        ws(request),
        request.params.allianceId,
        request.params.contributionId,
      );
      return reply.code(204).send(null);
    },
  });

  r.get(`${one}/log`, {
    config: { policy: policy.workspace('alliances.read') },
    schema: {
      tags,
      operationId: 'listAllianceLog',
      summary: 'The log of meetings and decisions, newest first',
      params: allianceParams,
      querystring: pageQuery,
      response: { 200: pageOf(logSchema), ...problems() },
    },
    handler: async (request, reply) =>
      paged(
        request,
        reply,
        request.query,
        await getLog(
          ctx,
          request.actor,
          ws(request),
          request.params.allianceId,
          pageBounds(request.query),
        ),
      ),
  });

  r.post(`${one}/log`, {
    config: { policy: policy.workspace('alliances.self') },
    schema: {
      tags,
      operationId: 'addAllianceLogEntry',
      summary: 'Add a meeting or decision to the log',
      description: 'Editors and current members. Every error is listed in one problem.',
      params: allianceParams,
      body: logCreateBody,
      response: { 201: logSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await addLogEntry(
            ctx,
            request.actor,
            ws(request),
            request.params.allianceId,
            request.body,
          ),
        ),
  });
}

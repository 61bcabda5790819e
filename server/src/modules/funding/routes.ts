import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { pageBounds, pageOf, paged } from '../../http/pagination.ts';
import { noContent, problems, workspaceParams } from '../../http/route-schema.ts';
import { csvResponse } from '../exchange/schema.ts';
import type { CsvExport } from '../exchange/service.ts';
import { sendJson } from '../../http/send-json.ts';
import { cachedFundingDashboardJson } from './dashboard-cache.ts';
import { fundingDashboardCsv, fundingFlowsCsv } from './dashboard-service.ts';
import {
  dashboardQuery,
  dashboardSchema,
  exportQuery,
  flowCreateBody,
  flowListQuery,
  flowParams,
  flowSchema,
  flowUpdateBody,
  type FundingDashboard,
} from './schema.ts';
import { changeFlow, createFlow, getFlow, getFlows, removeFlow } from './service.ts';

const toJson = (d: FundingDashboard) => JSON.stringify(dashboardSchema.parse(d));

/** A string body with a non-JSON type is sent as it is (no response serializer runs). */
const sendCsv = (reply: FastifyReply, file: CsvExport) =>
  reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);

export function fundingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Funding'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  const flows = `${W}/funding-flows`;

  r.get(flows, {
    config: { policy: policy.workspace('funding.read') },
    schema: {
      tags,
      operationId: 'listFundingFlows',
      summary: 'Funding flows (geldstromen) visible to the caller, newest first',
      description: 'Private flows only for coordinators and the carrier who receives the money.',
      params: workspaceParams,
      querystring: flowListQuery,
      response: { 200: pageOf(flowSchema), ...problems() },
    },
    handler: async (request, reply) => {
      const { page, pageSize, ...filter } = request.query;
      return paged(
        request,
        reply,
        request.query,
        await getFlows(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          filter,
          pageBounds({ page, pageSize }),
        ),
      );
    },
  });

  r.post(flows, {
    config: { policy: policy.workspace('funding.manage') },
    schema: {
      tags,
      operationId: 'createFundingFlow',
      summary: 'Record a funding flow (private unless visibility says otherwise)',
      description:
        'Amounts are whole euro cents. Every error is listed in one problem; nothing is written.',
      params: workspaceParams,
      body: flowCreateBody,
      response: { 201: flowSchema, ...problems() },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(await createFlow(ctx, request.actor, requireWorkspace(request).id, request.body)),
  });

  r.get(`${flows}/:flowId`, {
    config: { policy: policy.workspace('funding.read') },
    schema: {
      tags,
      operationId: 'getFundingFlow',
      summary: 'One funding flow',
      params: flowParams,
      response: { 200: flowSchema, ...problems() },
    },
    handler: (request) =>
      getFlow(ctx, request.actor, requireWorkspace(request).id, request.params.flowId),
  });

  r.patch(`${flows}/:flowId`, {
    config: { policy: policy.workspace('funding.manage') },
    schema: {
      tags,
      operationId: 'updateFundingFlow',
      summary: 'Change a funding flow (the result is checked as a whole)',
      params: flowParams,
      body: flowUpdateBody,
      response: { 200: flowSchema, ...problems() },
    },
    handler: (request) =>
      changeFlow(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.flowId,
        request.body,
      ),
  });

  r.delete(`${flows}/:flowId`, {
    config: { policy: policy.workspace('funding.manage') },
    schema: {
      tags,
      operationId: 'deleteFundingFlow',
      summary: 'Delete a funding flow',
      params: flowParams,
      response: { 204: noContent, ...problems() },
    },
    handler: async (request, reply) => {
      await removeFlow(ctx, request.actor, requireWorkspace(request).id, request.params.flowId);
      return reply.code(204).send(null);
    },
  });

  r.get(`${W}/funding-dashboard`, {
    config: { policy: policy.workspace('funding.read') },
    schema: {
      tags,
      operationId: 'getFundingDashboard',
      summary: 'Where the money goes: shares, durations, fragmentation and burden per euro',
      description:
        'Over every flow of the workspace, or of an area and its sub-areas. Amounts are euro cents as decimal strings. Every figure resting on fewer than 5 recipients is null (suppressed), and so is any cell a published total would give away.',
      params: workspaceParams,
      querystring: dashboardQuery,
      response: { 200: dashboardSchema, ...problems() },
    },
    handler: async (request, reply) =>
      sendJson(
        request,
        reply,
        await cachedFundingDashboardJson(
          ctx,
          request.actor,
          requireWorkspace(request),
          request.query,
          toJson,
        ),
      ),
  });

  r.get(`${W}/exports/funding-dashboard.csv`, {
    config: { policy: policy.workspace('funding.read') },
    schema: {
      tags,
      operationId: 'exportFundingDashboardCsv',
      summary: 'The funding dashboard as CSV, with the same suppression',
      description:
        'Columns: table (summary, instrument, recipientKind, instrumentsPerRecipient), key, recipients, flows, amountCents, amountEuro, share, medianDurationDays, meanInstruments, hoursPer1000Euro, reportsPer10000Euro, suppressed.',
      params: workspaceParams,
      querystring: exportQuery,
      response: { 200: csvResponse('The funding dashboard'), ...problems() },
    },
    handler: async (request, reply) => {
      const ws = requireWorkspace(request);
      return sendCsv(
        reply,
        await fundingDashboardCsv(ctx, request.actor, ws.id, { ...request.query, slug: ws.slug }),
      );
    },
  });

  r.get(`${W}/exports/funding-flows.csv`, {
    config: { policy: policy.workspace('funding.export') },
    schema: {
      tags,
      operationId: 'exportFundingFlowsCsv',
      summary: 'Funding flows as CSV (those the caller may see)',
      description:
        'Columns: id, title, funderId, funderName, recipientType, recipientId, recipientName, recipientKind, initiativeId, initiativeName, instrument, amountCents, amountEuro, startDate, endDate, durationDays, reportingHours, reports, areaCodes, domains, visibility, createdAt, updatedAt. Lists are joined by "; ". Cells that a spreadsheet would run as a formula start with \'.',
      params: workspaceParams,
      querystring: exportQuery,
      response: { 200: csvResponse('Funding flows'), ...problems() },
    },
    handler: async (request, reply) => {
      const ws = requireWorkspace(request);
      return sendCsv(
        reply,
        await fundingFlowsCsv(ctx, request.actor, ws.id, { ...request.query, slug: ws.slug }),
      );
    },
  });
}

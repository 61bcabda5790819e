import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { paged } from '../../http/pagination.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { importActors } from './import-service.ts';
import {
  actorImportBody,
  actorImportReportSchema,
  csvQuery,
  csvResponse,
  hsdsPageSchema,
  hsdsQuery,
} from './schema.ts';
import { exportActivitiesCsv, exportActorsCsv, exportHsds, type CsvExport } from './service.ts';

/** A sociale kaart of a few thousand rows is well under this; base64 XLSX adds a third. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** A string body with a non-JSON type is sent as it is (no response serializer runs). */
function sendCsv(reply: FastifyReply, file: CsvExport) {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

export function exchangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Exchange'];
  const W = '/api/v1/workspaces/:workspaceSlug';

  r.get(`${W}/exports/hsds`, {
    config: { policy: policy.workspace('directory.read') },
    schema: {
      tags,
      operationId: 'exportHsds',
      summary: 'Open Referral HSDS 3.0 of the public organisations, their services and locations',
      description:
        'The shape of the HSDS API `GET /organizations?full_service=true`: a page of organisations (public ones only) with their activities as `services`, their CBS areas as `locations`, per service `service_areas` and `service_at_locations`, and domains and target groups as `attributes` with `taxonomy_term`. Validates against the HSDS 3.0 compiled schemas.',
      params: workspaceParams,
      querystring: hsdsQuery,
      response: { 200: hsdsPageSchema, ...problems() },
    },
    handler: async (request, reply) => {
      const doc = await exportHsds(ctx, request.actor, requireWorkspace(request).id, request.query);
      // The RFC 8288 Link header of every paged list; the body is HSDS's own page envelope.
      paged(request, reply, request.query, { items: doc.contents, total: doc.total_items });
      return doc;
    },
  });

  r.get(`${W}/exports/actors.csv`, {
    config: { policy: policy.workspace('directory.export') },
    schema: {
      tags,
      operationId: 'exportActorsCsv',
      summary: 'Actors as CSV (workspace and public records; private ones for coordinators)',
      description:
        "Columns: id, kind, name, carries, description, orgKind, sizeClass, budgetBand, staffCount, kvkNumber, website, email, phone, visibility, areaCodes, domains, targetGroups, organisations, createdAt, updatedAt. Lists are joined by \"; \". Persons' contact details are never exported; organisations' email and phone only for coordinators and admins. Cells that a spreadsheet would run as a formula start with '.",
      params: workspaceParams,
      querystring: csvQuery,
      response: { 200: csvResponse('Actors'), ...problems() },
    },
    handler: async (request, reply) => {
      const ws = requireWorkspace(request);
      const file = await exportActorsCsv(ctx, request.actor, ws.id, {
        delimiter: request.query.delimiter,
        slug: ws.slug,
      });
      return sendCsv(reply, file);
    },
  });

  r.get(`${W}/exports/activities.csv`, {
    config: { policy: policy.workspace('directory.export') },
    schema: {
      tags,
      operationId: 'exportActivitiesCsv',
      summary: 'Activities as CSV (of actors the caller may see)',
      description:
        'Columns: id, title, description, actorId, actorName, actorKind, initiativeId, initiativeName, startDate, endDate, status (planned, active, ended), hoursPerWeek, visibility, areaCodes, domains, targetGroups, createdAt, updatedAt.',
      params: workspaceParams,
      querystring: csvQuery,
      response: { 200: csvResponse('Activities'), ...problems() },
    },
    handler: async (request, reply) => {
      const ws = requireWorkspace(request);
      const file = await exportActivitiesCsv(ctx, request.actor, ws.id, {
        delimiter: request.query.delimiter,
        slug: ws.slug,
      });
      return sendCsv(reply, file);
    },
  });

  r.post(`${W}/actor-imports`, {
    config: { policy: policy.workspace('directory.manage') },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'importActors',
      summary: 'Import actors from a sociale-kaart list (CSV or XLSX; all or nothing)',
      description:
        'Columns in Dutch or English: naam/name, soort/kind, organisatievorm/orgKind, website, kvk, e-mail/email, telefoon/phone, wijk of buurt codes/areas, domeinen/domains, doelgroepen/targetGroups, omschrijving/description, zichtbaarheid/visibility. Any problem and nothing is imported: 400 listing every problem (pointer `/rows/<n>`, header = row 1). `dryRun` writes nothing and answers 200 with the per-row report, problems included.',
      params: workspaceParams,
      body: actorImportBody,
      response: { 200: actorImportReportSchema, 201: actorImportReportSchema, ...problems(413) },
    },
    handler: async (request, reply) => {
      const report = await importActors(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.body,
      );
      return reply.code(report.dryRun ? 200 : 201).send(report);
    },
  });
}

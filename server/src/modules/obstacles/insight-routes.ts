import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { cachedDashboardJson } from './dashboard-cache.ts';
import { trendDimensions, trendPeriods, type Dashboard } from './dashboard.ts';
import { yearlyReport } from './insight-service.ts';
import { closePdfBrowser } from './pdf.ts';
import { sendJson } from '../../http/send-json.ts';

const year = z.coerce.number().int().min(2000).max(2100);

const cell = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int().nullable().describe('null when fewer than 5 (suppressed)'),
  endorsements: z.number().int().nullable(),
  suppressed: z.boolean(),
});
const duration = z.object({
  medianDays: z.number().nullable(),
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export const dashboardSchema = z.object({
  threshold: z.number().int().describe('Counts below this are suppressed'),
  total: z.number().int().nullable(),
  totalSuppressed: z.boolean(),
  byCategory: z.array(cell),
  byStatus: z.array(cell),
  byArea: z.array(cell),
  byDomain: z.array(cell),
  byOwner: z.array(cell),
  trend: z.object({
    by: z.enum(trendDimensions),
    period: z.enum(trendPeriods),
    cells: z.array(
      cell.extend({ period: z.string().describe('YYYY-MM for months, YYYY-Kn for quarters') }),
    ),
  }),
  timeToFirstResponse: duration,
  timeToResolution: duration,
});

/** The dashboard's JSON text, made by its response schema (only declared fields leave). */
const toJson = (d: Dashboard) => JSON.stringify(dashboardSchema.parse(d));

/** The PDF's bytes: sent as they are (Fastify never serialises a Buffer), documented as binary. */
const pdfBody = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });

export function insightRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Obstacles'];
  const W = '/api/v1/workspaces/:workspaceSlug';
  // The PDF printer keeps Chromium open between reports (pdf.ts): it goes with the app.
  app.addHook('onClose', closePdfBrowser);

  r.get(`${W}/obstacle-dashboard`, {
    config: { policy: policy.workspace('obstacles.read') },
    schema: {
      tags,
      operationId: 'getObstacleDashboard',
      summary: 'Counts and trends by category, status, area, domain and owner; response times',
      description:
        'Hidden, merged and withdrawn obstacles are not counted. Every count and median over fewer than 5 obstacles is null (suppressed).',
      params: workspaceParams,
      querystring: z.strictObject({
        year: year.optional().describe('Only obstacles of this year'),
        trendBy: z
          .enum(trendDimensions)
          .default('category')
          .describe('What the trend groups by: category, status, area, domain or owner'),
        period: z.enum(trendPeriods).default('month').describe('The trend per month or quarter'),
      }),
      response: { 200: dashboardSchema, ...problems() },
    },
    handler: async (request, reply) =>
      sendJson(
        request,
        reply,
        await cachedDashboardJson(
          ctx,
          request.actor,
          requireWorkspace(request),
          request.query,
          toJson,
        ),
      ),
  });

  r.get(`${W}/obstacle-reports/:year`, {
    config: { policy: policy.workspace('obstacles.read') },
    schema: {
      tags,
      operationId: 'getObstacleYearReport',
      summary: 'The yearly systeemleren report, as a Dutch HTML document, a PDF or a CSV',
      description:
        'The PDF is printed from the HTML by Chromium on the server, one at a time: 503 when this server has no Chromium (pdf_unavailable) or too many PDF reports are waiting (pdf_busy, with Retry-After).',
      params: workspaceParams.extend({ year }),
      querystring: z.strictObject({
        format: z
          .enum(['html', 'pdf', 'csv'])
          .default('html')
          .describe('html (default), pdf or csv'),
      }),
      response: {
        200: {
          description:
            'The report (HTML; PDF, A4 and tagged; or CSV with BOM, semicolons and CRLF), as an attachment',
          content: {
            'text/html': { schema: z.string() },
            'application/pdf': { schema: pdfBody },
            'text/csv': { schema: z.string() },
          },
        },
        ...problems(503),
      },
    },
    handler: async (request, reply) => {
      const file = await yearlyReport(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.year,
        request.query.format,
      );
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
}

import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { ObstaclesTable } from '../../db/types.ts';
import { AppError } from '../../http/problem.ts';
import {
  buildDashboard,
  defaultTrend,
  type DashboardRow,
  type TrendBy,
  type TrendPeriod,
} from './dashboard.ts';

export interface DashboardQuery {
  year?: number | undefined;
  trendBy?: TrendBy | undefined;
  period?: TrendPeriod | undefined;
}
import {
  areaNames,
  dashboardLinks,
  dashboardObstacles,
  domainLabels,
  lastExplanations,
  workspaceName,
  type Range,
} from './insight-repo.ts';
import { listOwners } from './owners-repo.ts';
import { htmlToPdf, PdfBusy, PdfUnavailable, warmUpPdf } from './pdf.ts';
import { allObstacles } from './repo.ts';
import { renderReportCsv, renderReportHtml, type ReportData } from './report.ts';

// The dashboard and the yearly systeemleren report. Hidden, merged and withdrawn obstacles are
// left out of every count.

type Counted = Pick<
  ObstaclesTable,
  | 'id'
  | 'category'
  | 'status'
  | 'owner_id'
  | 'hidden_at'
  | 'created_at'
  | 'first_response_at'
  | 'resolved_at'
>;

const counted = (r: Counted) =>
  r.hidden_at === null && r.status !== 'merged' && r.status !== 'withdrawn';

const yearRange = (year: number): Range => [`${year}-01-01`, `${year + 1}-01-01`];

/** The obstacles (as `rowsOf` reads them), their links and counts, and the names to show. */
async function load<R extends Counted>(
  ctx: AppContext,
  workspaceId: string,
  rowsOf: (range: Range | undefined) => Promise<R[]>,
  year?: number,
) {
  const range = year === undefined ? undefined : yearRange(year);
  const [rows, links, owners, areas, domains] = await Promise.all([
    rowsOf(range),
    dashboardLinks(ctx.db, workspaceId, range),
    listOwners(ctx.db, workspaceId),
    areaNames(ctx.db, workspaceId),
    domainLabels(ctx.db, workspaceId),
  ]);
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const counts = links.endorsements;
  const kept = rows.filter(counted);
  const plain: DashboardRow[] = kept.map((r) => ({
    category: r.category,
    status: r.status,
    ownerId: r.owner_id,
    areaIds: links.areaIds.get(r.id) ?? [],
    domainIds: links.domainIds.get(r.id) ?? [],
    endorsements: counts.get(r.id) ?? 0,
    createdAt: r.created_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
  }));
  const labels = {
    area: (id: string) => areas.get(id) ?? id,
    domain: (id: string) => domains.get(id)?.nl ?? id,
    owner: (id: string) => ownerName.get(id) ?? id,
  };
  return { kept, plain, counts, labels };
}

/** The dashboard, computed (dashboard-cache.ts serves it from the read cache). */
export async function getDashboard(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: DashboardQuery,
) {
  assertCan(actor, 'obstacles.read', workspaceId);
  const { plain, labels } = await load(
    ctx,
    workspaceId,
    (range) => dashboardObstacles(ctx.db, workspaceId, range),
    q.year,
  );
  return buildDashboard(plain, labels, {
    by: q.trendBy ?? defaultTrend.by,
    period: q.period ?? defaultTrend.period,
  });
}

export async function reportData(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  year: number,
): Promise<ReportData> {
  assertCan(actor, 'obstacles.read', workspaceId);
  const { kept, plain, counts, labels } = await load(
    ctx,
    workspaceId,
    (range) => allObstacles(ctx.db, workspaceId, range?.[0], range?.[1]),
    year,
  );
  const [from, to] = yearRange(year);
  const explanations = await lastExplanations(ctx.db, workspaceId, from, to);
  return {
    workspace: await workspaceName(ctx.db, workspaceId),
    year,
    generatedOn: ctx.clock.now().toISOString().slice(0, 10),
    dashboard: buildDashboard(plain, labels),
    obstacles: kept.map((r) => ({
      id: r.id,
      category: r.category,
      subcategory: r.subcategory,
      severity: r.severity,
      title: r.title,
      whatWouldHelp: r.what_would_help,
      status: r.status,
      owner: r.owner_id ? labels.owner(r.owner_id) : null,
      endorsements: counts.get(r.id) ?? 0,
      reportedOn: r.created_at.slice(0, 10),
      firstResponseOn: r.first_response_at?.slice(0, 10) ?? null,
      resolvedOn: r.resolved_at?.slice(0, 10) ?? null,
      explanation: explanations.get(r.id) ?? null,
    })),
  };
}

export type ReportFormat = 'html' | 'csv' | 'pdf';

export interface ReportFile {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

/** The PDF of the report's HTML; 503 when this server cannot print (no Chromium) or is busy. */
async function printPdf(ctx: AppContext, html: string): Promise<Buffer> {
  try {
    return await htmlToPdf(html);
  } catch (err) {
    if (err instanceof PdfUnavailable) {
      // The reason (a path, a launch error) is for the operator's log, not for the caller.
      ctx.log.warn({ reason: err.message }, 'PDF report unavailable');
      throw new AppError(
        503,
        'pdf_unavailable',
        'This server cannot make PDF files (Chromium is missing or did not start); ask for format=html and print it to PDF.',
      );
    }
    if (err instanceof PdfBusy)
      throw new AppError(503, 'pdf_busy', err.message, [], { 'Retry-After': '5' });
    throw err;
  }
}

export async function yearlyReport(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  year: number,
  format: ReportFormat,
): Promise<ReportFile> {
  if (format === 'pdf') {
    assertCan(actor, 'obstacles.read', workspaceId);
    warmUpPdf(); // Chromium starts while the data is read
  }
  const data = await reportData(ctx, actor, workspaceId, year);
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `knelpunten-${year}.csv`,
      body: renderReportCsv(data),
    };
  const html = renderReportHtml(data);
  return format === 'pdf'
    ? {
        contentType: 'application/pdf',
        filename: `systeemleren-${year}.pdf`,
        body: await printPdf(ctx, html),
      }
    : {
        contentType: 'text/html; charset=utf-8',
        filename: `systeemleren-${year}.html`,
        body: html,
      };
}

import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { ObstaclesTable } from '../../db/types.ts';
import { buildDashboard, type DashboardRow } from './dashboard.ts';
import { areaNames, domainLabels, lastExplanations, workspaceName } from './insight-repo.ts';
import { listOwners } from './owners-repo.ts';
import { allObstacles, endorsementCounts, linksOfObstacles } from './repo.ts';
import { renderReportCsv, renderReportHtml, type ReportData } from './report.ts';

// The dashboard and the yearly systeemleren report. Hidden, merged and withdrawn obstacles are
// left out of every count.

const counted = (r: ObstaclesTable) =>
  r.hidden_at === null && r.status !== 'merged' && r.status !== 'withdrawn';

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

async function load(ctx: AppContext, workspaceId: string, year?: number) {
  const [from, to] = year === undefined ? [undefined, undefined] : yearRange(year);
  const [rows, links, counts, owners, areas, domains] = await Promise.all([
    allObstacles(ctx.db, workspaceId, from, to),
    linksOfObstacles(ctx.db, workspaceId),
    endorsementCounts(ctx.db, workspaceId),
    listOwners(ctx.db, workspaceId),
    areaNames(ctx.db, workspaceId),
    domainLabels(ctx.db, workspaceId),
  ]);
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const kept = rows.filter(counted);
  const plain: DashboardRow[] = kept.map((r) => ({
    category: r.category,
    status: r.status,
    ownerId: r.owner_id,
    areaIds: links.get(r.id)?.areaIds ?? [],
    domainIds: links.get(r.id)?.domainIds ?? [],
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

export async function getDashboard(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: { year?: number | undefined },
) {
  assertCan(actor, 'obstacles.read', workspaceId);
  const { plain, labels } = await load(ctx, workspaceId, q.year);
  return buildDashboard(plain, labels);
}

export async function reportData(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  year: number,
): Promise<ReportData> {
  assertCan(actor, 'obstacles.read', workspaceId);
  const { kept, plain, counts, labels } = await load(ctx, workspaceId, year);
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

export async function yearlyReport(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  year: number,
  format: 'html' | 'csv',
) {
  const data = await reportData(ctx, actor, workspaceId, year);
  return format === 'csv'
    ? {
        contentType: 'text/csv; charset=utf-8',
        filename: `knelpunten-${year}.csv`,
        body: renderReportCsv(data),
      }
    : {
        contentType: 'text/html; charset=utf-8',
        filename: `systeemleren-${year}.html`,
        body: renderReportHtml(data),
      };
}

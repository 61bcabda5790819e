import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import { delimiters, type DelimiterName } from '../exchange/csv.ts';
import { today, type CsvExport } from '../exchange/service.ts';
import { dashboardCsv, flowsCsv } from './csv.ts';
import { buildFundingDashboard, type DashboardFlow } from './dashboard.ts';
import { recipientIdOf, recipientKindOf, flowDtos } from './dto.ts';
import { allFlows, codesAndLabels, dashboardRows } from './repo.ts';
import type { FundingDashboard } from './schema.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { flowViewer } from './service.ts';

// The funding dashboard and the CSV files. The dashboard counts every flow of the workspace (in
// the area and its sub-areas, when asked), whatever its visibility: it shows aggregates only, and
// every figure resting on fewer than 5 recipients is suppressed (dashboard.ts). The flows CSV
// lists the flows the caller may see, like the list.

export async function fundingDashboard(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: { areaId?: string | undefined },
): Promise<FundingDashboard> {
  assertCan(actor, 'funding.read', workspaceId);
  const areaIds = await areaAndSubAreas(ctx.db, workspaceId, q.areaId);
  const rows = await dashboardRows(ctx.db, workspaceId, areaIds);
  const flows = rows.map((r): DashboardFlow => ({
    // Recipients are counted per record: an actor and an initiative never share an id.
    recipientId: recipientIdOf(r),
    recipientKind: recipientKindOf(
      r.recipient_type,
      r.actor_kind ? { kind: r.actor_kind, size_class: r.actor_size_class } : undefined,
    ),
    instrument: r.instrument,
    amountCents: Number(r.amount_cents),
    startDate: r.start_date,
    endDate: r.end_date,
    reportingHours: Number(r.reporting_hours),
    reports: Number(r.report_count),
  }));
  return buildFundingDashboard(flows, q.areaId ?? null);
}

export async function fundingDashboardCsv(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  opts: { delimiter: DelimiterName; slug: string; areaId?: string | undefined },
): Promise<CsvExport> {
  const d = await fundingDashboard(ctx, actor, workspaceId, { areaId: opts.areaId });
  return {
    filename: `wijkdragers-${opts.slug}-funding-dashboard-${today(ctx)}.csv`,
    body: dashboardCsv(d, delimiters[opts.delimiter]),
  };
}

export async function fundingFlowsCsv(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  opts: { delimiter: DelimiterName; slug: string; areaId?: string | undefined },
): Promise<CsvExport> {
  assertCan(actor, 'funding.export', workspaceId);
  const areaIds = await areaAndSubAreas(ctx.db, workspaceId, opts.areaId);
  const rows = await allFlows(ctx.db, workspaceId, {
    areaIds,
    ...flowViewer(actor, workspaceId),
  });
  const [flows, names] = await Promise.all([
    flowDtos(ctx.db, actor, workspaceId, rows),
    codesAndLabels(ctx.db, workspaceId),
  ]);
  return {
    filename: `wijkdragers-${opts.slug}-funding-flows-${today(ctx)}.csv`,
    body: flowsCsv(flows, names, delimiters[opts.delimiter]),
  };
}

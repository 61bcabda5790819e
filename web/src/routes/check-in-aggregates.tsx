import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { CheckInAggregates } from '../features/check-ins/aggregates.tsx';
import { CheckInNav } from '../features/check-ins/check-in-nav.tsx';
import { checkInAggregatesQuery } from '../features/check-ins/data.ts';
import {
  PeriodChoice,
  periodFromParam,
  type PeriodParam,
} from '../features/check-ins/period-choice.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import '../styles/check-ins.css';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

interface TotalsSearch {
  /** maand (default), kwartaal or jaar. */
  per?: PeriodParam;
}

/**
 * "Check-ins in totalen" for coordinators and admins: no single check-in, only totals per month,
 * quarter or year of at least 5 carriers (the server refuses other roles too).
 */
export const checkInAggregatesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'check-in/totalen',
  validateSearch: (search: Record<string, unknown>): TotalsSearch =>
    search.per === 'kwartaal' || search.per === 'jaar' ? { per: search.per } : {},
  loaderDeps: ({ search }) => ({ period: periodFromParam(search.per) }),
  loader: async ({ context, params, deps }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    // Only coordinators and admins see totals; others get the "no access" page without a request.
    if (canCoordinate(workspace.role))
      await context.queryClient.ensureQueryData(checkInAggregatesQuery(params.slug, deps.period));
  },
  component: CheckInAggregatesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('checkIns.aggregates.title') },
});

function CheckInAggregatesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { per } = checkInAggregatesRoute.useSearch();
  const period = periodFromParam(per);
  if (!canCoordinate(workspace.role)) return <ForbiddenPage />;
  return (
    <Page title={t('checkIns.aggregates.title')} lead={t('checkIns.aggregates.lead')}>
      <CheckInNav slug={workspace.slug} role={workspace.role} />
      <PeriodChoice key={period} slug={workspace.slug} period={period} />
      <CheckInAggregates slug={workspace.slug} period={period} />
    </Page>
  );
}

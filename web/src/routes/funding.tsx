import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { areasQuery } from '../features/actors/reference.ts';
import { AreaFilter } from '../features/funding/area-filter.tsx';
import { FundingDashboard } from '../features/funding/dashboard.tsx';
import { flowsQuery, fundingDashboardQuery } from '../features/funding/data.ts';
import { FlowForm } from '../features/funding/flow-form.tsx';
import { FlowsList } from '../features/funding/flows.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

interface FundingSearch extends PageSearch {
  /** The area (id) the dashboard and list cover; none: the whole workspace. */
  gebied?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Geldstromen": the funding dashboard per workspace or area, the flows, and a form to add one. */
export const fundingRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'geldstromen',
  validateSearch: (search: Record<string, unknown>): FundingSearch => ({
    ...validatePageSearch(search),
    ...(typeof search.gebied === 'string' && uuid.test(search.gebied)
      ? { gebied: search.gebied }
      : {}),
  }),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1, areaId: search.gebied }),
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(fundingDashboardQuery(params.slug, deps.areaId)),
      context.queryClient.ensureQueryData(flowsQuery(params.slug, deps.page, deps.areaId)),
    ]),
  component: FundingPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('funding.title') },
});

function FundingPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1, gebied } = fundingRoute.useSearch();
  const coordinator = canCoordinate(workspace.role);
  const exporter = coordinator || ['policy_officer', 'researcher'].includes(workspace.role);
  return (
    <Page title={t('funding.title')} lead={t('funding.lead')}>
      <AreaFilter key={gebied ?? ''} slug={workspace.slug} areaId={gebied} />
      <FundingDashboard slug={workspace.slug} areaId={gebied} canExportFlows={exporter} />
      <FlowsList slug={workspace.slug} page={page} areaId={gebied} />
      {coordinator ? <FlowForm slug={workspace.slug} /> : null}
    </Page>
  );
}

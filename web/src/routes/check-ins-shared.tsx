import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { CheckInNav } from '../features/check-ins/check-in-nav.tsx';
import { sharedCheckInsQuery } from '../features/check-ins/data.ts';
import { SharedCheckIns } from '../features/check-ins/shared-list.tsx';
import '../styles/check-ins.css';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Gedeeld met mij": the check-ins carriers chose to share with the viewer. */
export const checkInsSharedRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'check-in/gedeeld',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(sharedCheckInsQuery(params.slug, deps.page)),
  component: SharedCheckInsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('checkIns.shared.title') },
});

function SharedCheckInsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1 } = checkInsSharedRoute.useSearch();
  return (
    <Page title={t('checkIns.shared.title')} lead={t('checkIns.shared.lead')}>
      <CheckInNav slug={workspace.slug} role={workspace.role} />
      <SharedCheckIns slug={workspace.slug} page={page} />
    </Page>
  );
}

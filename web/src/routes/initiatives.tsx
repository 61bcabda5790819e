import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { includes } from '../features/actors/types.ts';
import { initiativesQuery } from '../features/initiatives/data.ts';
import { InitiativesList } from '../features/initiatives/initiatives-list.tsx';
import { initiativeStatuses, type InitiativeStatus } from '../features/initiatives/types.ts';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

type InitiativesSearch = PageSearch & { status?: InitiativeStatus };

/** Initiatives and projects by name, filtered by status, a page at a time. */
export const initiativesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'initiatieven',
  validateSearch: (search: Record<string, unknown>): InitiativesSearch => ({
    ...validatePageSearch(search),
    ...(includes(initiativeStatuses, search.status) ? { status: search.status } : {}),
  }),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1, status: search.status }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(initiativesQuery(params.slug, deps.page, deps.status)),
  component: InitiativesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('activities.initiatives.title') },
});

function InitiativesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1, status } = initiativesRoute.useSearch();
  return (
    <Page title={t('activities.initiatives.title')} lead={t('activities.initiatives.lead')}>
      <p className="utrecht-paragraph">
        <ButtonLink to="/w/$slug/initiatieven/nieuw" params={{ slug: workspace.slug }}>
          {t('activities.initiatives.new')}
        </ButtonLink>
      </p>
      <InitiativesList slug={workspace.slug} page={page} status={status} />
    </Page>
  );
}

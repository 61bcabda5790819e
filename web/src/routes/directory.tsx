import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { managesDirectory } from '../features/actors/permissions.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { searchQuery } from '../features/directory/data.ts';
import { Results } from '../features/directory/results.tsx';
import { SearchForm } from '../features/directory/search-form.tsx';
import { validateDirectorySearch } from '../features/directory/search-params.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Wie doet wat": search carriers, organisations, initiatives and activities, with filters. */
export const directoryRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'zoeken',
  validateSearch: validateDirectorySearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    await Promise.all([
      context.queryClient.ensureQueryData(searchQuery(params.slug, deps)),
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
    ]);
  },
  component: DirectoryPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('directory.title') },
});

function DirectoryPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = directoryRoute.useSearch();
  const slug = workspace.slug;
  return (
    <Page title={t('directory.title')} lead={t('directory.lead', { workspace: workspace.name })}>
      {managesDirectory(workspace.role) ? (
        <div className="utrecht-button-group wd-stack-item">
          <ButtonLink to="/w/$slug/actoren/nieuw" params={{ slug }} search={{ kind: 'person' }}>
            {t('actors.newPerson')}
          </ButtonLink>
          <ButtonLink
            to="/w/$slug/actoren/nieuw"
            params={{ slug }}
            search={{ kind: 'organisation' }}
          >
            {t('actors.newOrganisation')}
          </ButtonLink>
        </div>
      ) : null}
      <SearchForm slug={slug} search={search} />
      <Results slug={slug} search={search} />
    </Page>
  );
}

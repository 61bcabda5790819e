import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { offersQuery } from '../features/support/data.ts';
import { OffersTable, SupportNav } from '../features/support/lists.tsx';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Steun": the offers (steunaanbod) of institutions, newest first. */
export const supportOffersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(offersQuery(params.slug, deps.page)),
  component: SupportOffersPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.title') },
});

function SupportOffersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { page = 1 } = supportOffersRoute.useSearch();
  const { data } = useSuspenseQuery(offersQuery(slug, page));
  return (
    <Page title={t('support.title')} lead={t('support.lead')}>
      <SupportNav slug={slug} />
      <h2 className="utrecht-heading-2">{t('support.offers.title')}</h2>
      {canCoordinate(workspace.role) ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/steun/aanbod/nieuw" params={{ slug }}>
            {t('support.offer.new')}
          </ButtonLink>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.offers.empty')}</p>
      ) : (
        <OffersTable slug={slug} items={data.items} />
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link to="/w/$slug/steun" params={{ slug }} search={{ page: target }} {...props} />
        )}
      />
    </Page>
  );
}

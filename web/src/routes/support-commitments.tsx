import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { CommitmentsTable } from '../features/support/commitments-table.tsx';
import { commitmentsQuery } from '../features/support/data.ts';
import { SupportNav } from '../features/support/lists.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Commitments (toezeggingen): coordinators see all, others those to their own carrier record. */
export const supportCommitmentsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/toezeggingen',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(commitmentsQuery(params.slug, deps.page)),
  component: SupportCommitmentsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.commitments.title') },
});

function SupportCommitmentsPage() {
  const { t } = useTranslation();
  const { slug, role } = useWorkspace();
  const { page = 1 } = supportCommitmentsRoute.useSearch();
  const { data } = useSuspenseQuery(commitmentsQuery(slug, page));
  return (
    <Page title={t('support.commitments.title')} lead={t('support.commitments.lead')}>
      <SupportNav slug={slug} />
      {canCoordinate(role) ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/steun/toezeggingen/nieuw" params={{ slug }}>
            {t('support.commitment.new')}
          </ButtonLink>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.commitments.empty')}</p>
      ) : (
        <CommitmentsTable
          slug={slug}
          caption={t('support.commitments.caption')}
          items={data.items}
        />
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/steun/toezeggingen"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
    </Page>
  );
}

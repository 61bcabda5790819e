import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { needsQuery } from '../features/support/data.ts';
import { NeedsTable, SupportNav } from '../features/support/lists.tsx';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** The needs (hulpvragen) of carriers and small organisations the viewer may see. */
export const supportNeedsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/hulpvragen',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(needsQuery(params.slug, deps.page)),
  component: SupportNeedsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.needs.title') },
});

function SupportNeedsPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { page = 1 } = supportNeedsRoute.useSearch();
  const { data } = useSuspenseQuery(needsQuery(slug, page));
  return (
    <Page title={t('support.needs.title')} lead={t('support.needs.lead')}>
      <SupportNav slug={slug} />
      <p className="utrecht-paragraph">
        <ButtonLink to="/w/$slug/steun/hulpvragen/nieuw" params={{ slug }}>
          {t('support.need.new')}
        </ButtonLink>
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.needs.empty')}</p>
      ) : (
        <NeedsTable slug={slug} items={data.items} />
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/steun/hulpvragen"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
    </Page>
  );
}

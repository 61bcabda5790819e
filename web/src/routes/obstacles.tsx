import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { ObstacleDashboard } from '../features/obstacles/dashboard.tsx';
import { obstacleDashboardQuery, obstaclesQuery } from '../features/obstacles/data.ts';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** The obstacle register: the latest obstacles, the policy dashboard and the yearly report. */
export const obstaclesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'knelpunten',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(obstaclesQuery(params.slug, deps.page)),
      context.queryClient.ensureQueryData(obstacleDashboardQuery(params.slug)),
    ]),
  component: ObstaclesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('obstacles.title') },
});

function ObstaclesPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { page = 1 } = obstaclesRoute.useSearch();
  const { data } = useSuspenseQuery(obstaclesQuery(slug, page));
  return (
    <Page title={t('obstacles.title')} lead={t('obstacles.lead')}>
      <p className="utrecht-paragraph">
        <ButtonLink to="/w/$slug/knelpunten/nieuw" params={{ slug }}>
          {t('obstacles.new')}
        </ButtonLink>{' '}
        <TextLink to="/w/$slug/knelpunten/eigenaren" params={{ slug }}>
          {t('obstacles.owners.title')}
        </TextLink>
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('obstacles.empty')}</p>
      ) : (
        <Table caption={t('obstacles.listCaption')}>
          <TableHead
            columns={[
              t('obstacles.columns.title'),
              t('obstacles.columns.category'),
              t('obstacles.columns.status'),
              t('obstacles.columns.endorsements'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((o) => (
              <tr key={o.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">
                  <TextLink
                    to="/w/$slug/knelpunten/$obstacleId"
                    params={{ slug, obstacleId: o.id }}
                  >
                    {o.title}
                  </TextLink>
                </td>
                <td className="utrecht-table__cell">{t(`obstacles.category.${o.category}`)}</td>
                <td className="utrecht-table__cell">{t(`obstacles.status.${o.status}`)}</td>
                <td className="utrecht-table__cell">{o.endorsementCount}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ObstacleDashboard slug={slug} />
    </Page>
  );
}

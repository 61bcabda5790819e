import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { roundsQuery } from '../features/surveys/data.ts';
import { useRate } from '../features/surveys/format.ts';
import { useFormat } from '../lib/format.ts';
import { validatePageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Netwerkmetingen": the survey rounds with their status and response rate (coordinators). */
export const surveyRoundsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerkmetingen',
  validateSearch: validatePageSearch,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(roundsQuery(params.slug, deps.page)),
  component: SurveyRoundsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('surveys.title') },
});

function SurveyRoundsPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { page = 1 } = surveyRoundsRoute.useSearch();
  const { data } = useSuspenseQuery(roundsQuery(slug, page));
  const format = useFormat();
  const rate = useRate();
  return (
    <Page title={t('surveys.title')} lead={t('surveys.lead')}>
      <p className="utrecht-paragraph">
        <ButtonLink to="/w/$slug/netwerkmetingen/nieuw" params={{ slug }}>
          {t('surveys.new')}
        </ButtonLink>
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('surveys.empty')}</p>
      ) : (
        <Table caption={t('surveys.caption')}>
          <TableHead
            columns={[
              t('surveys.columns.title'),
              t('surveys.columns.status'),
              t('surveys.columns.period'),
              t('surveys.columns.response'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((r) => (
              <tr key={r.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <Link
                    to="/w/$slug/netwerkmetingen/$roundId"
                    params={{ slug, roundId: r.id }}
                    className="utrecht-link utrecht-link--html-a"
                  >
                    {r.title}
                  </Link>
                </th>
                <td className="utrecht-table__cell">{t(`surveys.status.${r.status}`)}</td>
                <td className="utrecht-table__cell">
                  {t('surveys.period', {
                    from: format.date(r.opensOn),
                    to: format.date(r.closesOn),
                  })}
                </td>
                <td className="utrecht-table__cell">
                  {t('surveys.responseShort', {
                    submitted: r.submitted,
                    invited: r.invited,
                    rate: rate(r.responseRate),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/netwerkmetingen"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
    </Page>
  );
}

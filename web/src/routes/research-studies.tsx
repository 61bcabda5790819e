import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { studiesQuery } from '../features/research/api.ts';
import { StudyForm } from '../features/research/study-form.tsx';
import { useFormat } from '../lib/format.ts';
import { validatePageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Onderzoek": the studies spanning this workspace; admins create new ones. */
export const researchStudiesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek',
  validateSearch: validatePageSearch,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(studiesQuery(params.slug, deps.page)),
  component: ResearchStudiesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('research.studies.title') },
});

function ResearchStudiesPage() {
  const { t } = useTranslation();
  const { slug, role } = useWorkspace();
  const { page = 1 } = researchStudiesRoute.useSearch();
  const { data } = useSuspenseQuery(studiesQuery(slug, page));
  const format = useFormat();
  return (
    <Page title={t('research.studies.title')} lead={t('research.studies.lead')}>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.studies.empty')}</p>
      ) : (
        <Table caption={t('research.studies.caption')}>
          <TableHead
            columns={[
              t('research.studies.columns.title'),
              t('research.studies.columns.status'),
              t('research.studies.columns.steward'),
              t('research.studies.columns.myRole'),
              t('research.studies.columns.created'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((s) => (
              <tr key={s.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <Link
                    to="/w/$slug/onderzoek/$studyId"
                    params={{ slug, studyId: s.id }}
                    className="utrecht-link utrecht-link--html-a"
                  >
                    {s.title}
                  </Link>
                </th>
                <td className="utrecht-table__cell">{t(`research.studyStatus.${s.status}`)}</td>
                <td className="utrecht-table__cell">
                  {s.steward?.displayName ?? t('research.study.noSteward')}
                </td>
                <td className="utrecht-table__cell">
                  {s.myRole ? t(`research.role.${s.myRole}`) : t('research.role.none')}
                </td>
                <td className="utrecht-table__cell">{format.date(s.createdAt)}</td>
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
          <Link to="/w/$slug/onderzoek" params={{ slug }} search={{ page: target }} {...props} />
        )}
      />
      {role === 'admin' ? (
        <section className="wd-section" aria-labelledby="study-new">
          <h2 className="utrecht-heading-2" id="study-new">
            {t('research.studies.new')}
          </h2>
          <p className="utrecht-paragraph">{t('research.studies.newHint')}</p>
          <StudyForm slug={slug} />
        </section>
      ) : null}
    </Page>
  );
}

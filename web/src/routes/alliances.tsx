import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.tsx';
import { SelectField } from '../components/form-fields.tsx';
import { ButtonLink, TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { alliancesListQuery } from '../features/alliances/data.ts';
import { allianceStatuses, type AllianceStatus } from '../features/alliances/types.ts';
import { canCoordinate } from '../lib/roles.ts';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

interface AllianceSearch extends PageSearch {
  status?: AllianceStatus;
}

/** "Bondgenootschappen": the alliances the viewer may see, newest first, by status. */
export const alliancesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'bondgenootschappen',
  validateSearch: (search: Record<string, unknown>): AllianceSearch => ({
    ...validatePageSearch(search),
    ...((allianceStatuses as readonly unknown[]).includes(search.status)
      ? { status: search.status as AllianceStatus }
      : {}),
  }),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1, status: search.status }),
  loader: ({ context, params, deps }) =>
    context.queryClient.ensureQueryData(alliancesListQuery(params.slug, deps.page, deps.status)),
  component: AlliancesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('alliances.title') },
});

function StatusFilter({ slug, status }: { slug: string; status: AllianceStatus | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string>(status ?? '');
  return (
    <form
      className="wd-row-form wd-filter-form"
      role="search"
      aria-label={t('alliances.filter.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void navigate({
          to: '/w/$slug/bondgenootschappen',
          params: { slug },
          search: chosen ? { status: chosen as AllianceStatus } : {},
        });
      }}
    >
      <SelectField
        spec={{ id: 'alliances-status', label: t('alliances.filter.status') }}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        options={[
          { value: '', label: t('alliances.filter.all') },
          ...allianceStatuses.map((s) => ({ value: s, label: t(`alliances.status.${s}`) })),
        ]}
      />
      <Button type="submit" variant="secondary">
        {t('alliances.filter.apply')}
      </Button>
    </form>
  );
}

function AlliancesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { page = 1, status } = alliancesRoute.useSearch();
  const { data } = useSuspenseQuery(alliancesListQuery(slug, page, status));
  return (
    <Page title={t('alliances.title')} lead={t('alliances.lead')}>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/overlapsignalen" params={{ slug }}>
          {t('signals.title')}
        </TextLink>
      </p>
      {canCoordinate(workspace.role) ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/bondgenootschappen/nieuw" params={{ slug }}>
            {t('alliances.new')}
          </ButtonLink>
        </p>
      ) : null}
      <StatusFilter key={status ?? ''} slug={slug} status={status} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('alliances.empty')}</p>
      ) : (
        <Table caption={t('alliances.caption', { count: data.total })}>
          <TableHead
            columns={[
              t('alliances.fields.name'),
              t('alliances.fields.status'),
              t('alliances.fields.decisionRule'),
              t('alliances.fields.members'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((a) => (
              <tr key={a.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink
                    to="/w/$slug/bondgenootschappen/$allianceId"
                    params={{ slug, allianceId: a.id }}
                  >
                    {a.name}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell">{t(`alliances.status.${a.status}`)}</td>
                <td className="utrecht-table__cell">{t(`alliances.rule.${a.decisionRule}`)}</td>
                <td className="utrecht-table__cell">{a.memberCount}</td>
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
            to="/w/$slug/bondgenootschappen"
            params={{ slug }}
            search={{ page: target, ...(status ? { status } : {}) }}
            {...props}
          />
        )}
      />
    </Page>
  );
}

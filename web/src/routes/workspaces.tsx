import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { workspacesQuery } from '../features/workspaces/data.ts';
import { roleLabel } from '../features/workspaces/roles.ts';
import { protectedRoute } from './protected.tsx';
import { Table, TableHead } from '../components/table.tsx';

export const workspacesRoute = createRoute({
  getParentRoute: () => protectedRoute,
  path: '/werkruimtes',
  loader: ({ context }) => context.queryClient.ensureQueryData(workspacesQuery),
  component: WorkspacesPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('workspaces.title') },
});

function WorkspacesPage() {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(workspacesQuery);
  return (
    <Page title={t('workspaces.title')} lead={t('workspaces.lead')}>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('workspaces.empty')}</p>
      ) : (
        <Table caption={t('workspaces.caption')} captionHidden>
          <TableHead
            columns={[t('workspaces.name'), t('workspaces.gemeentecode'), t('fields.role')]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((workspace) => (
              <tr key={workspace.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink to="/w/$slug" params={{ slug: workspace.slug }}>
                    {workspace.name}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell">{workspace.gemeentecode}</td>
                <td className="utrecht-table__cell">{roleLabel(workspace.role, t)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Page>
  );
}

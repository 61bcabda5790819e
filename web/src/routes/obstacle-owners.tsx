import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { ownersQuery } from '../features/obstacles/data.ts';
import { OwnersView } from '../features/obstacles/owners.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** The owners obstacles are routed to: departments and organisations with their responders. */
export const obstacleOwnersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'knelpunten/eigenaren',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(ownersQuery(params.slug)),
  component: ObstacleOwnersPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('obstacles.owners.title') },
});

function ObstacleOwnersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  return (
    <Page title={t('obstacles.owners.title')} lead={t('obstacles.owners.lead')}>
      <OwnersView slug={workspace.slug} canManage={canCoordinate(workspace.role)} />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { myCarrierQuery } from '../features/activities/data.ts';
import { managesDirectory } from '../features/actors/permissions.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { NewInitiativeSection } from '../features/initiatives/initiative-editor.tsx';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Record a new initiative; members who are no coordinator start it as its carrier. */
export const initiativeNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'initiatieven/nieuw',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const workspace = await queryClient.ensureQueryData(workspaceQuery(params.slug));
    await Promise.all([
      queryClient.ensureQueryData(areasQuery(params.slug)),
      queryClient.ensureQueryData(termsQuery(params.slug)),
      managesDirectory(workspace.role)
        ? null
        : queryClient.ensureQueryData(myCarrierQuery(params.slug)),
    ]);
  },
  component: InitiativeNewPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('activities.initiatives.newTitle') },
});

function InitiativeNewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const manager = managesDirectory(workspace.role);
  const ownCarrier = useQuery({ ...myCarrierQuery(workspace.slug), enabled: !manager }).data;
  return (
    <Page title={t('activities.initiatives.newTitle')} lead={t('activities.initiatives.newLead')}>
      <NewInitiativeSection
        slug={workspace.slug}
        manager={manager}
        ownCarrier={ownCarrier ?? null}
      />
    </Page>
  );
}

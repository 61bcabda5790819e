import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { myCarrierQuery } from '../features/activities/data.ts';
import { orNotFound } from '../features/actors/data.ts';
import { managesDirectory } from '../features/actors/permissions.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { initiativeQuery } from '../features/initiatives/data.ts';
import { EditInitiativeSection } from '../features/initiatives/initiative-editor.tsx';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Change an initiative (coordinators and its carriers). */
export const initiativeEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'initiatieven/$initiativeId/bewerken',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const { slug, initiativeId } = params;
    const [workspace] = await Promise.all([
      queryClient.ensureQueryData(workspaceQuery(slug)),
      orNotFound(queryClient.ensureQueryData(initiativeQuery(slug, initiativeId))),
      queryClient.ensureQueryData(areasQuery(slug)),
      queryClient.ensureQueryData(termsQuery(slug)),
    ]);
    if (!managesDirectory(workspace.role)) await queryClient.ensureQueryData(myCarrierQuery(slug));
  },
  component: InitiativeEditPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ t, params, queryClient }) => {
      const initiative = queryClient.getQueryData(
        initiativeQuery(params.slug ?? '', params.initiativeId ?? '').queryKey,
      );
      return initiative ? t('activities.initiatives.editTitle', { name: initiative.name }) : '';
    },
  },
});

function InitiativeEditPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { initiativeId } = initiativeEditRoute.useParams();
  const { data: initiative } = useSuspenseQuery(initiativeQuery(slug, initiativeId));
  const manager = managesDirectory(workspace.role);
  const ownCarrier = useQuery({ ...myCarrierQuery(slug), enabled: !manager }).data ?? null;
  if (!initiative.canEdit) return <ForbiddenPage />;
  return (
    <Page title={t('activities.initiatives.editTitle', { name: initiative.name })}>
      <EditInitiativeSection
        slug={slug}
        initiativeId={initiativeId}
        manager={manager}
        ownCarrier={ownCarrier}
      />
    </Page>
  );
}

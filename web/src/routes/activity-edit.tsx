import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { EditActivitySection } from '../features/activities/activity-editor.tsx';
import { activityQuery, myCarrierQuery } from '../features/activities/data.ts';
import { orNotFound } from '../features/actors/data.ts';
import { managesDirectory } from '../features/actors/permissions.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Change or delete an activity (coordinators, or the carrier it belongs to). */
export const activityEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'activiteiten/$activityId/bewerken',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const { slug, activityId } = params;
    const [workspace] = await Promise.all([
      queryClient.ensureQueryData(workspaceQuery(slug)),
      orNotFound(queryClient.ensureQueryData(activityQuery(slug, activityId))),
      queryClient.ensureQueryData(areasQuery(slug)),
      queryClient.ensureQueryData(termsQuery(slug)),
    ]);
    if (!managesDirectory(workspace.role)) await queryClient.ensureQueryData(myCarrierQuery(slug));
  },
  component: ActivityEditPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ t, params, queryClient }) => {
      const activity = queryClient.getQueryData(
        activityQuery(params.slug ?? '', params.activityId ?? '').queryKey,
      );
      return activity ? t('activities.editTitle', { title: activity.title }) : '';
    },
  },
});

function ActivityEditPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { activityId } = activityEditRoute.useParams();
  const { data: activity } = useSuspenseQuery(activityQuery(slug, activityId));
  const manager = managesDirectory(workspace.role);
  const ownCarrier = useQuery({ ...myCarrierQuery(slug), enabled: !manager }).data ?? null;
  if (!activity.canEdit) return <ForbiddenPage />;
  return (
    <Page title={t('activities.editTitle', { title: activity.title })}>
      <EditActivitySection
        slug={slug}
        activityId={activityId}
        manager={manager}
        ownCarrier={ownCarrier}
      />
    </Page>
  );
}

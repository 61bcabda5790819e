import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { AchievementsSection } from '../features/initiatives/achievements-section.tsx';
import { initiativeQuery } from '../features/initiatives/data.ts';
import { GroupCommitments } from '../features/support/group-commitments.tsx';
import { InitiativeActions } from '../features/initiatives/initiative-actions.tsx';
import {
  InitiativeActivities,
  InitiativeFacts,
  InitiativeParticipants,
  InitiativeWhere,
} from '../features/initiatives/initiative-view.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** An initiative: its carriers and partners, activities, results and recognitions. */
export const initiativeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'initiatieven/$initiativeId',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    await Promise.all([
      orNotFound(queryClient.ensureQueryData(initiativeQuery(params.slug, params.initiativeId))),
      queryClient.ensureQueryData(areasQuery(params.slug)),
      queryClient.ensureQueryData(termsQuery(params.slug)),
    ]);
  },
  component: InitiativePage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(
        initiativeQuery(params.slug ?? '', params.initiativeId ?? '').queryKey,
      )?.name ?? '',
  },
});

function InitiativePage() {
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { initiativeId } = initiativeRoute.useParams();
  const { data: initiative } = useSuspenseQuery(initiativeQuery(slug, initiativeId));
  return (
    <Page title={initiative.name}>
      <InitiativeActions slug={slug} initiative={initiative} />
      <InitiativeFacts initiative={initiative} />
      <InitiativeWhere slug={slug} initiative={initiative} />
      <InitiativeParticipants slug={slug} initiative={initiative} />
      <InitiativeActivities slug={slug} initiative={initiative} canAdd={initiative.canEdit} />
      <AchievementsSection slug={slug} initiative={initiative} />
      <GroupCommitments
        slug={slug}
        type="initiative"
        id={initiativeId}
        canRecord={canCoordinate(workspace.role)}
      />
    </Page>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { actorActivityListQuery } from '../features/activities/data.ts';
import { ActorActions } from '../features/actors/actor-actions.tsx';
import { actorQuery, orNotFound, trackRecordQuery } from '../features/actors/data.ts';
import { kindLabel } from '../features/actors/labels.ts';
import { OrganisationView } from '../features/actors/organisation-view.tsx';
import { useActorPermissions } from '../features/actors/permissions.ts';
import { PersonView } from '../features/actors/person-view.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { meQuery } from '../features/session/store.ts';
import { ActorCommitments } from '../features/support/actor-commitments.tsx';
import { commitmentsQuery } from '../features/support/data.ts';
import { AllySuggestions, OverlapSection } from '../features/signals/overlap-section.tsx';
import { ActorNetworkSection } from '../features/network/actor-network-section.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** A carrier's ("drager") or an organisation's page. */
export const actorRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'actoren/$actorId',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const { slug, actorId } = params;
    const [actor] = await Promise.all([
      orNotFound(queryClient.ensureQueryData(actorQuery(slug, actorId))),
      queryClient.ensureQueryData(areasQuery(slug)),
      queryClient.ensureQueryData(termsQuery(slug)),
      queryClient.ensureQueryData(meQuery),
    ]);
    await Promise.all([
      queryClient.ensureQueryData(actorActivityListQuery(slug, actorId)),
      actor.kind === 'person' ? queryClient.ensureQueryData(trackRecordQuery(slug, actorId)) : null,
      // The support it receives; a failure here must not take the actor's page down.
      queryClient.prefetchQuery(commitmentsQuery(slug, 1, actorId)),
    ]);
  },
  component: ActorPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(actorQuery(params.slug ?? '', params.actorId ?? '').queryKey)
        ?.name ?? '',
  },
});

function ActorPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { actorId } = actorRoute.useParams();
  const slug = workspace.slug;
  const { data: actor } = useSuspenseQuery(actorQuery(slug, actorId));
  const allowed = useActorPermissions(workspace.role, actor);
  return (
    <Page title={actor.name}>
      <p className="utrecht-paragraph wd-kind-line">
        <span className="wd-badge">{kindLabel(actor.kind, t)}</span>
      </p>
      <ActorActions
        slug={slug}
        actor={actor}
        canEdit={allowed.canEdit}
        canDelete={allowed.canDelete}
      />
      {actor.kind === 'person' ? (
        <PersonView
          slug={slug}
          actor={actor}
          showConsent={allowed.manager || allowed.own}
          canEdit={allowed.canEdit}
          canManage={allowed.manager}
        />
      ) : (
        <OrganisationView
          slug={slug}
          actor={actor}
          showVisibility={allowed.manager}
          canEdit={allowed.canEdit}
          canManage={allowed.manager}
        />
      )}
      <ActorCommitments slug={slug} actorId={actorId} />
      <OverlapSection slug={slug} actorId={actorId} />
      <AllySuggestions slug={slug} actorId={actorId} />
      <ActorNetworkSection slug={slug} actorId={actorId} />
    </Page>
  );
}

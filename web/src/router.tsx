import { hashKey } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { NotFoundPage, PendingPage, RouteError } from './components/status-pages.tsx';
import { meQuery } from './features/session/store.ts';
import { focusMainHeading } from './lib/focus.ts';
import { queryClient } from './query-client.ts';
import { directoryRoute } from './routes/directory.tsx';
import { actorRoute } from './routes/actor.tsx';
import { actorNewRoute } from './routes/actor-new.tsx';
import { actorEditRoute } from './routes/actor-edit.tsx';
import { activityNewRoute } from './routes/activity-new.tsx';
import { activityEditRoute } from './routes/activity-edit.tsx';
import { initiativesRoute } from './routes/initiatives.tsx';
import { initiativeRoute } from './routes/initiative.tsx';
import { initiativeNewRoute } from './routes/initiative-new.tsx';
import { initiativeEditRoute } from './routes/initiative-edit.tsx';
import { mapRoute } from './routes/map.tsx';
import { networkRoute } from './routes/network.tsx';
import { networkComparisonRoute } from './routes/network-comparison.tsx';
import { obstaclesRoute } from './routes/obstacles.tsx';
import { obstacleRoute } from './routes/obstacle.tsx';
import { obstacleNewRoute } from './routes/obstacle-new.tsx';
import { obstacleOwnersRoute } from './routes/obstacle-owners.tsx';
import { fundingRoute } from './routes/funding.tsx';
import { signalsRoute } from './routes/signals.tsx';
import { signalRoute } from './routes/signal.tsx';
import { alliancesRoute } from './routes/alliances.tsx';
import { allianceRoute } from './routes/alliance.tsx';
import { allianceNewRoute } from './routes/alliance-new.tsx';
import { allianceEditRoute } from './routes/alliance-edit.tsx';
import { surveyRoute } from './routes/survey.tsx';
import { surveyRoundsRoute } from './routes/survey-rounds.tsx';
import { surveyRoundNewRoute } from './routes/survey-round-new.tsx';
import { surveyRoundRoute } from './routes/survey-round.tsx';
import { surveyRoundNetworkRoute } from './routes/survey-round-network.tsx';
import { checkInRoute } from './routes/check-in.tsx';
import { checkInAggregatesRoute } from './routes/check-in-aggregates.tsx';
import { checkInsSharedRoute } from './routes/check-ins-shared.tsx';
import { researchStudiesRoute } from './routes/research-studies.tsx';
import { researchStudyRoute } from './routes/research-study.tsx';
import { researchParticipantsRoute } from './routes/research-participants.tsx';
import { researchWavesRoute } from './routes/research-waves.tsx';
import { researchWaveRoute } from './routes/research-wave.tsx';
import { researchQuestionnaireRoute } from './routes/research-questionnaire.tsx';
import { supportCommitmentRoute } from './routes/support-commitment.tsx';
import { supportCommitmentNewRoute } from './routes/support-commitment-new.tsx';
import { supportCommitmentsRoute } from './routes/support-commitments.tsx';
import { supportNeedEditRoute } from './routes/support-need-edit.tsx';
import { supportNeedNewRoute } from './routes/support-need-new.tsx';
import { supportOfferEditRoute } from './routes/support-offer-edit.tsx';
import { supportOfferNewRoute } from './routes/support-offer-new.tsx';
import { supportNeedRoute } from './routes/support-need.tsx';
import { supportNeedsRoute } from './routes/support-needs.tsx';
import { supportOfferRoute } from './routes/support-offer.tsx';
import { supportOffersRoute } from './routes/support-offers.tsx';
import { areaRoute } from './routes/area.tsx';
import { areaImportRoute } from './routes/area-import.tsx';
import { taxonomyRoute } from './routes/taxonomy.tsx';
import { exchangeRoute } from './routes/exchange.tsx';
import { accessibilityRoute } from './routes/accessibility.tsx';
import { accountRoute } from './routes/account.tsx';
import { forgotPasswordRoute } from './routes/forgot-password.tsx';
import { homeRoute } from './routes/home.tsx';
import { invitationRoute } from './routes/invitation.tsx';
import { invitationsRoute } from './routes/invitations.tsx';
import { loginRoute } from './routes/login.tsx';
import { logoutRoute } from './routes/logout.tsx';
import { membersRoute } from './routes/members.tsx';
import { notificationsRoute } from './routes/notifications.tsx';
import { privacyRoute } from './routes/privacy.tsx';
import { protectedRoute } from './routes/protected.tsx';
import { rootRoute } from './routes/root.tsx';
import { researchCodebookRoute } from './routes/research-codebook.tsx';
import { researchComparisonRoute } from './routes/research-comparison.tsx';
import { researchExportRoute } from './routes/research-export.tsx';
import { researchImportRoute } from './routes/research-import.tsx';
import { researchInterviewRoute } from './routes/research-interview.tsx';
import { researchInterviewsRoute } from './routes/research-interviews.tsx';
import { setPasswordRoute } from './routes/set-password.tsx';
import './routes/static-data.ts';
import { tokensRoute } from './routes/tokens.tsx';
import { workspaceHomeRoute } from './routes/workspace-home.tsx';
import { workspaceRoute } from './routes/workspace.tsx';
import { workspacesRoute } from './routes/workspaces.tsx';

const meQueryHash = hashKey(meQuery.queryKey);

const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  logoutRoute,
  forgotPasswordRoute,
  setPasswordRoute,
  invitationRoute,
  surveyRoute,
  researchQuestionnaireRoute,
  accessibilityRoute,
  privacyRoute,
  protectedRoute.addChildren([
    workspacesRoute,
    accountRoute,
    workspaceRoute.addChildren([
      workspaceHomeRoute,
      membersRoute,
      invitationsRoute,
      tokensRoute,
      notificationsRoute,
      directoryRoute,
      actorRoute,
      actorNewRoute,
      actorEditRoute,
      activityNewRoute,
      activityEditRoute,
      initiativesRoute,
      initiativeRoute,
      initiativeNewRoute,
      initiativeEditRoute,
      mapRoute,
      areaRoute,
      areaImportRoute,
      taxonomyRoute,
      exchangeRoute,
      obstaclesRoute,
      obstacleNewRoute,
      obstacleOwnersRoute,
      obstacleRoute,
      supportOffersRoute,
      supportOfferNewRoute,
      supportOfferRoute,
      supportOfferEditRoute,
      supportNeedsRoute,
      supportNeedNewRoute,
      supportNeedRoute,
      supportNeedEditRoute,
      supportCommitmentsRoute,
      supportCommitmentNewRoute,
      supportCommitmentRoute,
      fundingRoute,
      signalsRoute,
      signalRoute,
      alliancesRoute,
      allianceNewRoute,
      allianceRoute,
      allianceEditRoute,
      networkRoute,
      networkComparisonRoute,
      surveyRoundsRoute,
      surveyRoundNewRoute,
      surveyRoundRoute,
      surveyRoundNetworkRoute,
      checkInRoute,
      checkInsSharedRoute,
      checkInAggregatesRoute,
      researchStudiesRoute,
      researchStudyRoute,
      researchParticipantsRoute,
      researchWavesRoute,
      researchWaveRoute,
      researchInterviewsRoute,
      researchInterviewRoute,
      researchCodebookRoute,
      researchComparisonRoute,
      researchImportRoute,
      researchExportRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  // Loaders fill the query cache; the cache decides freshness, so the router never caches.
  defaultPreloadStaleTime: 0,
  defaultPreload: 'intent',
  defaultPendingComponent: PendingPage,
  defaultPendingMs: 400,
  defaultErrorComponent: RouteError,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

// When the session ends (logout, idle timeout, logout in another tab), re-check every route, so
// protected pages redirect to the login page.
let signedIn = false;
queryClient.getQueryCache().subscribe((event) => {
  if (event.type !== 'updated' || event.query.queryHash !== meQueryHash) return;
  if (event.action.type !== 'success') return;
  const now = event.query.state.data != null;
  if (signedIn && !now) void router.invalidate();
  signedIn = now;
});

// After client-side navigation, tell screen-reader users where they are: focus the new page's h1.
router.subscribe('onRendered', (event) => {
  if (event.fromLocation && event.pathChanged) focusMainHeading();
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

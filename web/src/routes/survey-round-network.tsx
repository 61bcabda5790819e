import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { roundNetworkQuery, roundQuery } from '../features/surveys/data.ts';
import { workspaceRoute } from './workspace.tsx';

/** The network of a closed survey round: its frozen ties with PARTNER trust and value. */
export const surveyRoundNetworkRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerkmetingen/$roundId/netwerk',
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(roundQuery(params.slug, params.roundId)),
      context.queryClient.ensureQueryData(roundNetworkQuery(params.slug, params.roundId)),
    ]),
  // The network view's code (and, lazily, Sigma's) loads with the page, not with the first page.
  component: lazyRouteComponent(
    () => import('../features/surveys/round-network-page.tsx'),
    'SurveyRoundNetworkPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('surveys.network.crumb') },
});

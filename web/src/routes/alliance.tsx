import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { AllianceView } from '../features/alliances/alliance-view.tsx';
import { allianceQuery } from '../features/alliances/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One alliance (bondgenootschap): members, agreement, contributions, log and balance. */
export const allianceRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'bondgenootschappen/$allianceId',
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(
        context.queryClient.ensureQueryData(allianceQuery(params.slug, params.allianceId)),
      ),
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
    ]),
  component: AlliancePage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient, t }) =>
      queryClient.getQueryData(allianceQuery(params.slug ?? '', params.allianceId ?? '').queryKey)
        ?.name ?? t('alliances.crumb'),
  },
});

function AlliancePage() {
  const { slug } = useWorkspace();
  const { allianceId } = allianceRoute.useParams();
  const { data } = useSuspenseQuery(allianceQuery(slug, allianceId));
  return (
    <Page title={data.name}>
      <AllianceView slug={slug} id={allianceId} />
    </Page>
  );
}

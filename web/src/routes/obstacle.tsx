import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { obstacleQuery } from '../features/obstacles/data.ts';
import { ObstacleView } from '../features/obstacles/obstacle-view.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const obstacleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'knelpunten/$obstacleId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(obstacleQuery(params.slug, params.obstacleId)),
  component: ObstaclePage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('obstacles.title') },
});

function ObstaclePage() {
  const { slug } = useWorkspace();
  const { obstacleId } = obstacleRoute.useParams();
  const { data } = useSuspenseQuery(obstacleQuery(slug, obstacleId));
  return (
    <Page title={data.title}>
      <ObstacleView slug={slug} id={obstacleId} />
    </Page>
  );
}

import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import { isApiProblem } from '../api/client.ts';
import { RouteError } from '../components/status-pages.tsx';
import { areaOverviewQuery } from '../features/areas/data.ts';
import { workspaceRoute } from './workspace.tsx';

export const areaRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'gebieden/$areaId',
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(areaOverviewQuery(params.slug, params.areaId));
    } catch (error) {
      // An id that is not a UUID answers 400; to the visitor both mean "no such area".
      if (isApiProblem(error) && (error.status === 404 || error.status === 400)) throw notFound();
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('../features/areas/area-page.tsx'), 'AreaPage'),
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient, t }) =>
      queryClient.getQueryData(areaOverviewQuery(params.slug ?? '', params.areaId ?? '').queryKey)
        ?.area.name ?? t('areas.page.crumb'),
  },
});

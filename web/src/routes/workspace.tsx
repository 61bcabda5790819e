import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, notFound, Outlet } from '@tanstack/react-router';
import { isApiProblem } from '../api/client.ts';
import { RouteError } from '../components/status-pages.tsx';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { protectedRoute } from './protected.tsx';

/** `/w/$slug`: loads the workspace (and the viewer's role in it) for every page below. */
export const workspaceRoute = createRoute({
  getParentRoute: () => protectedRoute,
  path: '/w/$slug',
  loader: async ({ context, params }) => {
    try {
      return await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    } catch (error) {
      if (isApiProblem(error) && error.status === 404) throw notFound();
      throw error;
    }
  },
  component: Outlet,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(workspaceQuery(params.slug ?? '').queryKey)?.name ??
      params.slug ??
      '',
  },
});

/** The workspace of the current `/w/$slug` page, from the cache the loader filled. */
export function useWorkspace() {
  const { slug } = workspaceRoute.useParams();
  return useSuspenseQuery(workspaceQuery(slug)).data;
}

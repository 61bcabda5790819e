import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { canManageAreas } from '../features/areas/access.ts';
import { areasPageQuery } from '../features/areas/data.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { validatePageSearch } from '../lib/search.ts';
import { workspaceRoute } from './workspace.tsx';

export const areaImportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/gebieden',
  validateSearch: validatePageSearch,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: async ({ context, params, deps }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    // Others get the "no access" page without a request.
    if (canManageAreas(workspace.role)) {
      await context.queryClient.ensureQueryData(areasPageQuery(params.slug, deps.page));
    }
  },
  component: lazyRouteComponent(
    () => import('../features/areas/area-import-page.tsx'),
    'AreaImportPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('areas.import.title') },
});

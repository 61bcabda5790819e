import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { termsQuery } from '../features/actors/reference.ts';
import { indicatorOrder } from '../features/areas/labels.ts';
import {
  effectiveSearch,
  indicatorOptionsQuery,
  mapLayerQuery,
  validateMapSearch,
} from '../features/map/data.ts';
import { workspaceRoute } from './workspace.tsx';

export const mapRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'kaart',
  validateSearch: validateMapSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    const [indicators] = await Promise.all([
      context.queryClient.ensureQueryData(indicatorOptionsQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
    ]);
    const search = effectiveSearch(deps, indicators, indicatorOrder);
    // A refused layer (an old link to an indicator that is gone) is shown on the page, with the
    // controls to choose again, instead of replacing the page.
    await context.queryClient.ensureQueryData(mapLayerQuery(params.slug, search)).catch(() => null);
  },
  // The page's code loads with the page (in parallel with the loader), not with the first page.
  component: lazyRouteComponent(() => import('../features/map/map-page.tsx'), 'MapPage'),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('map.title') },
});

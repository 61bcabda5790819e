import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { comparisonQuery } from '../features/network/data.ts';
import {
  filterOf,
  validateFilterSearch,
  validDay,
  type NetworkFilterSearch,
} from '../features/network/search.ts';
import { workspaceRoute } from './workspace.tsx';

interface ComparisonSearch extends NetworkFilterSearch {
  /** The earlier day; none: a year before `tot`. */
  van?: string;
  /** The later day; none: today. */
  tot?: string;
}

/** "Netwerk vergelijken": the network on two days, its deltas and each actor's. */
export const networkComparisonRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerk/vergelijking',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => {
    const van = validDay(search.van);
    const tot = validDay(search.tot);
    return { ...validateFilterSearch(search), ...(van ? { van } : {}), ...(tot ? { tot } : {}) };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
      context.queryClient.ensureQueryData(
        comparisonQuery(params.slug, deps.van, deps.tot, filterOf(deps)),
      ),
    ]),
  component: lazyRouteComponent(
    () => import('../features/network/comparison-page.tsx'),
    'ComparisonPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('network.comparison.title') },
});

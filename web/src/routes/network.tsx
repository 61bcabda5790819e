import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { networkQuery } from '../features/network/data.ts';
import {
  filterOf,
  validateFilterSearch,
  validDay,
  type NetworkFilterSearch,
} from '../features/network/search.ts';
import { workspaceRoute } from './workspace.tsx';

interface NetworkSearch extends NetworkFilterSearch {
  /** The day the ties run on; none: today. */
  peildatum?: string;
}

/** "Netwerk": the collaboration network of a day, as a graph and as tables, with exports. */
export const networkRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerk',
  validateSearch: (search: Record<string, unknown>): NetworkSearch => {
    const peildatum = validDay(search.peildatum);
    return { ...validateFilterSearch(search), ...(peildatum ? { peildatum } : {}) };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
      context.queryClient.ensureQueryData(
        networkQuery(params.slug, deps.peildatum, filterOf(deps)),
      ),
    ]),
  // The page's code (and, lazily, Sigma's) loads with the page, not with the first page.
  component: lazyRouteComponent(
    () => import('../features/network/network-page.tsx'),
    'NetworkPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('network.title') },
});

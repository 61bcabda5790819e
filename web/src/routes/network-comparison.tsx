import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { comparisonQuery } from '../features/network/data.ts';
import {
  closedRoundsQuery,
  comparesRounds,
  roundComparisonQuery,
  roundPair,
} from '../features/network/round-comparison-data.ts';
import {
  filterOf,
  validateFilterSearch,
  validDay,
  validId,
  type NetworkFilterSearch,
} from '../features/network/search.ts';
import { workspaceRoute } from './workspace.tsx';

export interface ComparisonSearch extends NetworkFilterSearch {
  /** The earlier day; none: a year before `tot`. */
  van?: string;
  /** The later day; none: today. */
  tot?: string;
  /** `metingen`: compare two survey rounds instead of two days. */
  vergelijk?: 'metingen';
  /** The earlier survey round (id); none: the round before `totMeting`, or the last but one. */
  vanMeting?: string;
  /** The later survey round (id); none: the round after `vanMeting`, or the last. */
  totMeting?: string;
}

/**
 * "Netwerk vergelijken": the network on two days, or in two closed survey rounds, its deltas and
 * each actor's.
 */
export const networkComparisonRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerk/vergelijking',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => {
    const van = validDay(search.van);
    const tot = validDay(search.tot);
    const vanMeting = validId(search.vanMeting);
    const totMeting = validId(search.totMeting);
    const rounds = search.vergelijk === 'metingen' || vanMeting || totMeting;
    if (rounds)
      return {
        vergelijk: 'metingen',
        ...(vanMeting ? { vanMeting } : {}),
        ...(totMeting ? { totMeting } : {}),
      };
    return { ...validateFilterSearch(search), ...(van ? { van } : {}), ...(tot ? { tot } : {}) };
  },
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    const client = context.queryClient;
    if (comparesRounds(deps)) {
      const rounds = await client.ensureQueryData(closedRoundsQuery(params.slug));
      const pair = roundPair(rounds, deps.vanMeting, deps.totMeting);
      if (pair)
        await client.ensureQueryData(roundComparisonQuery(params.slug, pair.from.id, pair.to.id));
      return;
    }
    await Promise.all([
      client.ensureQueryData(areasQuery(params.slug)),
      client.ensureQueryData(termsQuery(params.slug)),
      client.ensureQueryData(comparisonQuery(params.slug, deps.van, deps.tot, filterOf(deps))),
    ]);
  },
  component: lazyRouteComponent(
    () => import('../features/network/comparison-page.tsx'),
    'ComparisonPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('network.comparison.title') },
});

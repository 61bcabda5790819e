import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { comparisonQuery } from '../features/research-analysis/data-analysis.ts';
import { studyHeadQuery, wavesQuery } from '../features/research-analysis/data.ts';
import { uuidParam } from '../features/research-analysis/search.ts';
import { workspaceRoute } from './workspace.tsx';

export interface ComparisonSearch {
  /** The earlier wave; none: the server's default (the two latest waves). */
  van?: string;
  /** The later wave. */
  naar?: string;
}

/** "Vergelijking": per item the distribution per wave, paired change and attrition. */
export const researchComparisonRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/vergelijking',
  validateSearch: (search: Record<string, unknown>): ComparisonSearch => {
    const van = uuidParam(search.van);
    const naar = uuidParam(search.naar);
    return { ...(van ? { van } : {}), ...(naar ? { naar } : {}) };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(
        comparisonQuery(params.slug, params.studyId, deps.van, deps.naar),
      ),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/comparison-page.tsx'),
    'ComparisonPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('researchAnalysis.comparison.title') },
});

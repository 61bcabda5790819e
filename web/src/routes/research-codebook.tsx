import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import {
  codesQuery,
  frequenciesQuery,
  memosQuery,
  studyHeadQuery,
  wavesQuery,
} from '../features/research-analysis/data.ts';
import { itemCodeParam, uuidParam } from '../features/research-analysis/search.ts';
import { workspaceRoute } from './workspace.tsx';

export interface CodebookSearch {
  /** Open answers of this wave only. */
  golf?: string;
  /** Open answers to the item with this code only. */
  vraag?: string;
  /** Show the open answers (reading them is audited, so only on request). */
  antwoorden?: 1;
}

/** "Codeboek": the code tree, memos, code frequencies per wave and coding of open answers. */
export const researchCodebookRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/codeboek',
  validateSearch: (search: Record<string, unknown>): CodebookSearch => {
    const golf = uuidParam(search.golf);
    const vraag = itemCodeParam(search.vraag);
    return {
      ...(golf ? { golf } : {}),
      ...(vraag ? { vraag } : {}),
      ...(search.antwoorden === 1 || search.antwoorden === '1' ? { antwoorden: 1 as const } : {}),
    };
  },
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(codesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(frequenciesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(memosQuery(params.slug, params.studyId, {})),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/codebook-page.tsx'),
    'CodebookPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('researchAnalysis.codebook.title') },
});

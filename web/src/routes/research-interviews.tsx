import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import {
  interviewsQuery,
  participantsQuery,
  studyHeadQuery,
  wavesQuery,
} from '../features/research-analysis/data.ts';
import { uuidParam } from '../features/research-analysis/search.ts';
import { workspaceRoute } from './workspace.tsx';

export interface InterviewsSearch {
  /** Only interviews of this wave. */
  golf?: string;
  /** Only interviews with this participant. */
  deelnemer?: string;
}

/** "Interviews" of a study: the list by wave and participant, and a new interview. */
export const researchInterviewsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/interviews',
  validateSearch: (search: Record<string, unknown>): InterviewsSearch => {
    const golf = uuidParam(search.golf);
    const deelnemer = uuidParam(search.deelnemer);
    return { ...(golf ? { golf } : {}), ...(deelnemer ? { deelnemer } : {}) };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(participantsQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(
        interviewsQuery(params.slug, params.studyId, {
          waveId: deps.golf,
          participantId: deps.deelnemer,
        }),
      ),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/interviews-page.tsx'),
    'InterviewsPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('researchAnalysis.interviews.title') },
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import {
  codesQuery,
  interviewQuery,
  memosQuery,
  studyHeadQuery,
  wavesQuery,
} from '../features/research-analysis/data.ts';
import { workspaceRoute } from './workspace.tsx';

/** One interview: details, transcript, attachments, coding and memos. */
export const researchInterviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/interviews/$interviewId',
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      orNotFound(
        context.queryClient.ensureQueryData(
          interviewQuery(params.slug, params.studyId, params.interviewId),
        ),
      ),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(codesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(
        memosQuery(params.slug, params.studyId, { interviewId: params.interviewId }),
      ),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/interview-page.tsx'),
    'InterviewPage',
  ),
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient, t }) =>
      queryClient.getQueryData(
        interviewQuery(params.slug ?? '', params.studyId ?? '', params.interviewId ?? '').queryKey,
      )?.title ?? t('researchAnalysis.interview.crumb'),
  },
});

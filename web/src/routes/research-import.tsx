import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { studyHeadQuery, waveQuery } from '../features/research-analysis/data.ts';
import { workspaceRoute } from './workspace.tsx';

/** Import an earlier wave (CSV/XLSX) onto the wave's items: map, check (dry run), import. */
export const researchImportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/golven/$waveId/import',
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      orNotFound(
        context.queryClient.ensureQueryData(waveQuery(params.slug, params.studyId, params.waveId)),
      ),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/import-page.tsx'),
    'ImportPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('researchAnalysis.import.crumb') },
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { exportLogQuery } from '../features/research-analysis/data-analysis.ts';
import { studyHeadQuery } from '../features/research-analysis/data.ts';
import { workspaceRoute } from './workspace.tsx';

/** "Export": the pseudonymised downloads, the consent note, the export log and the CLI. */
export const researchExportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/export',
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(studyHeadQuery(params.slug, params.studyId))),
      context.queryClient.ensureQueryData(exportLogQuery(params.slug, params.studyId)),
    ]),
  component: lazyRouteComponent(
    () => import('../features/research-analysis/export-page.tsx'),
    'ExportPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('researchAnalysis.export.title') },
});

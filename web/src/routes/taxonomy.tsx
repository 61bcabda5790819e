import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RouteError } from '../components/status-pages.tsx';
import { termsQuery } from '../features/actors/reference.ts';
import { canManageAreas } from '../features/areas/access.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { workspaceRoute } from './workspace.tsx';

export const taxonomyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/taxonomie',
  loader: async ({ context, params }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    if (canManageAreas(workspace.role)) {
      await context.queryClient.ensureQueryData(termsQuery(params.slug));
    }
  },
  component: lazyRouteComponent(
    () => import('../features/taxonomy/taxonomy-page.tsx'),
    'TaxonomyPage',
  ),
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('areas.taxonomy.title') },
});

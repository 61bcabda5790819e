import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { membersQuery } from '../features/members/data.ts';
import { MembersSection } from '../features/members/members-section.tsx';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { validatePageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/leden',
  validateSearch: validatePageSearch,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: async ({ context, params, deps }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    // Only admins may list members; others get the "no access" page without a request.
    if (workspace.role === 'admin') {
      await context.queryClient.ensureQueryData(membersQuery(params.slug, deps.page));
    }
  },
  component: MembersPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('members.title') },
});

function MembersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1 } = membersRoute.useSearch();
  if (workspace.role !== 'admin') return <ForbiddenPage />;
  return (
    <Page title={t('members.title')} lead={t('members.lead', { workspace: workspace.name })}>
      <MembersSection slug={workspace.slug} page={page} />
    </Page>
  );
}

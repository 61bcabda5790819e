import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { invitationsQuery } from '../features/invitations/data.ts';
import { InvitationsSection } from '../features/invitations/invitations-section.tsx';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { validatePageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const invitationsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/uitnodigingen',
  validateSearch: validatePageSearch,
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: async ({ context, params, deps }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    if (workspace.role === 'admin') {
      await context.queryClient.ensureQueryData(invitationsQuery(params.slug, deps.page));
    }
  },
  component: InvitationsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('invitations.title') },
});

function InvitationsPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1 } = invitationsRoute.useSearch();
  if (workspace.role !== 'admin') return <ForbiddenPage />;
  return (
    <Page
      title={t('invitations.title')}
      lead={t('invitations.lead', { workspace: workspace.name })}
    >
      <InvitationsSection slug={workspace.slug} page={page} />
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { initiativeQuery } from '../features/initiatives/data.ts';
import { CommitmentForm } from '../features/support/commitment-form.tsx';
import { offerChoicesQuery } from '../features/support/data.ts';
import { canCoordinate } from '../lib/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

type NewCommitmentSearch = { initiativeId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Record a commitment directly, to a carrier, an organisation, an initiative or an alliance.
 * Started from an initiative's page (`?initiativeId=`), the form starts with that initiative.
 */
export const supportCommitmentNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/toezeggingen/nieuw',
  validateSearch: (search: Record<string, unknown>): NewCommitmentSearch =>
    typeof search.initiativeId === 'string' && UUID.test(search.initiativeId)
      ? { initiativeId: search.initiativeId }
      : {},
  loaderDeps: ({ search }) => ({ initiativeId: search.initiativeId }),
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    await Promise.all([
      queryClient.ensureQueryData(offerChoicesQuery(params.slug)),
      // A preset that cannot be read (deleted, not visible) simply leaves the choice open.
      deps.initiativeId
        ? queryClient
            .ensureQueryData(initiativeQuery(params.slug, deps.initiativeId))
            .catch(() => null)
        : null,
    ]);
  },
  component: function SupportCommitmentNewPage() {
    const { t } = useTranslation();
    const workspace = useWorkspace();
    const { initiativeId } = supportCommitmentNewRoute.useSearch();
    const initiative = useQuery({
      ...initiativeQuery(workspace.slug, initiativeId ?? ''),
      enabled: false,
      retry: false,
    }).data;
    if (!canCoordinate(workspace.role)) return <ForbiddenPage />;
    return (
      <Page title={t('support.commitment.new')} lead={t('support.commitment.newLead')}>
        <CommitmentForm
          key={initiativeId ?? ''}
          slug={workspace.slug}
          initiative={
            initiativeId && initiative ? { id: initiative.id, label: initiative.name } : null
          }
        />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.commitment.new') },
});

import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { AllianceForm } from '../features/alliances/alliance-form.tsx';
import { signalQuery } from '../features/signals/data.ts';
import { canCoordinate } from '../lib/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new alliance (coordinators); `?signaal=` forms it from an overlap signal. */
export const allianceNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'bondgenootschappen/nieuw',
  validateSearch: (search: Record<string, unknown>): { signaal?: string } =>
    typeof search.signaal === 'string' && uuid.test(search.signaal)
      ? { signaal: search.signaal }
      : {},
  loaderDeps: ({ search }) => ({ signalId: search.signaal }),
  loader: async ({ context, params, deps }) => {
    if (deps.signalId)
      await context.queryClient.ensureQueryData(signalQuery(params.slug, deps.signalId));
  },
  component: AllianceNewPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('alliances.new') },
});

function AllianceNewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { signaal } = allianceNewRoute.useSearch();
  const signal = useQuery({ ...signalQuery(workspace.slug, signaal ?? ''), enabled: !!signaal });
  if (!canCoordinate(workspace.role)) return <ForbiddenPage />;
  return (
    <Page title={t('alliances.new')} lead={t('alliances.form.lead')}>
      <AllianceForm
        key={signal.data?.id ?? ''}
        slug={workspace.slug}
        {...(signal.data ? { signal: signal.data } : {})}
      />
    </Page>
  );
}

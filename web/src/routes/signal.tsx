import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { signalQuery } from '../features/signals/data.ts';
import { pairName } from '../features/signals/labels.tsx';
import { SignalView } from '../features/signals/signal-view.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One overlap signal (only its two parties and the coordinators see it). */
export const signalRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'overlapsignalen/$signalId',
  loader: ({ context, params }) =>
    Promise.all([
      orNotFound(context.queryClient.ensureQueryData(signalQuery(params.slug, params.signalId))),
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
    ]),
  component: SignalPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('signals.detail.crumb') },
});

function SignalPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { signalId } = signalRoute.useParams();
  const { data } = useSuspenseQuery(signalQuery(workspace.slug, signalId));
  return (
    <Page title={t('signals.detail.title', { pair: pairName(data.actors, t) })}>
      <SignalView
        slug={workspace.slug}
        id={signalId}
        canFormAlliance={canCoordinate(workspace.role)}
      />
    </Page>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { CommitmentView } from '../features/support/commitment-view.tsx';
import { commitmentQuery, deliveriesQuery, durabilityQuery } from '../features/support/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** `/w/<slug>/steun/toezeggingen/<id>`: the page the end-of-term reminder emails link to. */
export const supportCommitmentRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/toezeggingen/$commitmentId',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const { slug, commitmentId } = params;
    await orNotFound(queryClient.ensureQueryData(commitmentQuery(slug, commitmentId)));
    await Promise.all([
      queryClient.ensureQueryData(durabilityQuery(slug, commitmentId)),
      queryClient.ensureQueryData(deliveriesQuery(slug, commitmentId)),
    ]);
  },
  component: SupportCommitmentPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.commitment.crumb') },
});

function SupportCommitmentPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { commitmentId } = supportCommitmentRoute.useParams();
  const { data } = useSuspenseQuery(commitmentQuery(workspace.slug, commitmentId));
  return (
    <Page
      title={t('support.commitment.name', {
        provider: data.providerName,
        recipient: data.recipientName,
      })}
    >
      <CommitmentView slug={workspace.slug} id={commitmentId} role={workspace.role} />
    </Page>
  );
}

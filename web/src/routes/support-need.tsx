import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { matchesQuery, needQuery, suggestionsQuery } from '../features/support/data.ts';
import { NeedView } from '../features/support/record-views.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One need, with the offers that fit it (ranked, explained) and its matches. */
export const supportNeedRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/hulpvragen/$needId',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const [need] = await Promise.all([
      orNotFound(queryClient.ensureQueryData(needQuery(params.slug, params.needId))),
      queryClient.ensureQueryData(areasQuery(params.slug)),
      queryClient.ensureQueryData(termsQuery(params.slug)),
      queryClient.ensureQueryData(matchesQuery(params.slug, { needId: params.needId })),
    ]);
    if (need.canEdit && need.status === 'open')
      await queryClient.ensureQueryData(suggestionsQuery(params.slug, 'need', params.needId));
  },
  component: SupportNeedPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.need.crumb') },
});

function SupportNeedPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { needId } = supportNeedRoute.useParams();
  const { data } = useSuspenseQuery(needQuery(slug, needId));
  return (
    <Page
      title={t('support.need.pageTitle', {
        name: data.requesterName,
        type: t(`support.type.${data.type}`),
      })}
    >
      <NeedView slug={slug} id={needId} />
    </Page>
  );
}

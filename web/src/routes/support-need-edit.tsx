import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { needQuery } from '../features/support/data.ts';
import { NeedForm } from '../features/support/need-form.tsx';
import { supportReference } from '../features/support/reference.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Change or close a need (the editors of its requester). */
export const supportNeedEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/hulpvragen/$needId/bewerken',
  loader: async ({ context, params }) => {
    await Promise.all([
      orNotFound(context.queryClient.ensureQueryData(needQuery(params.slug, params.needId))),
      supportReference(context.queryClient, params.slug),
    ]);
  },
  component: function SupportNeedEditPage() {
    const { t } = useTranslation();
    const { slug } = useWorkspace();
    const { needId } = supportNeedEditRoute.useParams();
    const { data } = useSuspenseQuery(needQuery(slug, needId));
    if (!data.canEdit) return <ForbiddenPage />;
    return (
      <Page title={t('support.need.editTitle')}>
        <NeedForm slug={slug} need={data} />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.need.edit') },
});

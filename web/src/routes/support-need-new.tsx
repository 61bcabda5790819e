import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { NeedForm } from '../features/support/need-form.tsx';
import { supportReference } from '../features/support/reference.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Ask for support: a carrier for themselves, a coordinator for anyone. */
export const supportNeedNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/hulpvragen/nieuw',
  loader: ({ context, params }) => supportReference(context.queryClient, params.slug),
  component: function SupportNeedNewPage() {
    const { t } = useTranslation();
    const { slug } = useWorkspace();
    return (
      <Page title={t('support.need.new')} lead={t('support.need.lead')}>
        <NeedForm slug={slug} />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.need.new') },
});

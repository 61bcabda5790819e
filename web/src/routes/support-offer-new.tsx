import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { canCoordinate } from '../lib/roles.ts';
import { OfferForm } from '../features/support/offer-form.tsx';
import { supportReference } from '../features/support/reference.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Add an institution's support offer (coordinators and admins). */
export const supportOfferNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/aanbod/nieuw',
  loader: ({ context, params }) => supportReference(context.queryClient, params.slug),
  component: function SupportOfferNewPage() {
    const { t } = useTranslation();
    const workspace = useWorkspace();
    if (!canCoordinate(workspace.role)) return <ForbiddenPage />;
    return (
      <Page title={t('support.offer.new')} lead={t('support.offer.lead')}>
        <OfferForm slug={workspace.slug} />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.offer.new') },
});

import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { offerQuery } from '../features/support/data.ts';
import { OfferForm } from '../features/support/offer-form.tsx';
import { supportReference } from '../features/support/reference.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Change an offer (its editors); the institution and the type stay. */
export const supportOfferEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/aanbod/$offerId/bewerken',
  loader: async ({ context, params }) => {
    await Promise.all([
      orNotFound(context.queryClient.ensureQueryData(offerQuery(params.slug, params.offerId))),
      supportReference(context.queryClient, params.slug),
    ]);
  },
  component: function SupportOfferEditPage() {
    const { t } = useTranslation();
    const { slug } = useWorkspace();
    const { offerId } = supportOfferEditRoute.useParams();
    const { data } = useSuspenseQuery(offerQuery(slug, offerId));
    if (!data.canEdit) return <ForbiddenPage />;
    return (
      <Page title={t('support.offer.editTitle', { title: data.title })}>
        <OfferForm slug={slug} offer={data} />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('support.offer.edit') },
});

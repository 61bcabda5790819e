import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { matchesQuery, offerQuery, suggestionsQuery } from '../features/support/data.ts';
import { OfferView } from '../features/support/record-views.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One offer, with the open needs that fit it (ranked, explained) and its matches. */
export const supportOfferRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'steun/aanbod/$offerId',
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    const [offer] = await Promise.all([
      orNotFound(queryClient.ensureQueryData(offerQuery(params.slug, params.offerId))),
      queryClient.ensureQueryData(areasQuery(params.slug)),
      queryClient.ensureQueryData(termsQuery(params.slug)),
      queryClient.ensureQueryData(matchesQuery(params.slug, { offerId: params.offerId })),
    ]);
    if (offer.canEdit)
      await queryClient.ensureQueryData(suggestionsQuery(params.slug, 'offer', params.offerId));
  },
  component: SupportOfferPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(offerQuery(params.slug ?? '', params.offerId ?? '').queryKey)
        ?.title ?? '',
  },
});

function SupportOfferPage() {
  const { slug } = useWorkspace();
  const { offerId } = supportOfferRoute.useParams();
  const { data } = useSuspenseQuery(offerQuery(slug, offerId));
  return (
    <Page title={data.title}>
      <OfferView slug={slug} id={offerId} />
    </Page>
  );
}

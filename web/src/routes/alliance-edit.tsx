import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { orNotFound } from '../features/actors/data.ts';
import { AllianceForm } from '../features/alliances/alliance-form.tsx';
import { allianceQuery } from '../features/alliances/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Change an alliance's name, description, status or decision rule (its editors). */
export const allianceEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'bondgenootschappen/$allianceId/bewerken',
  loader: ({ context, params }) =>
    orNotFound(context.queryClient.ensureQueryData(allianceQuery(params.slug, params.allianceId))),
  component: function AllianceEditPage() {
    const { t } = useTranslation();
    const { slug } = useWorkspace();
    const { allianceId } = allianceEditRoute.useParams();
    const { data } = useSuspenseQuery(allianceQuery(slug, allianceId));
    if (!data.canEdit) return <ForbiddenPage />;
    return (
      <Page title={t('alliances.editTitle', { name: data.name })}>
        <AllianceForm slug={slug} alliance={data} />
      </Page>
    );
  },
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('alliances.edit') },
});

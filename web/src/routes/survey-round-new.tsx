import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { areasQuery } from '../features/actors/reference.ts';
import { memberOptionsQuery } from '../features/surveys/data.ts';
import { RoundForm } from '../features/surveys/round-form.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** A new survey round (draft) with its members. */
export const surveyRoundNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerkmetingen/nieuw',
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(memberOptionsQuery(params.slug)),
    ]),
  component: SurveyRoundNewPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('surveys.new') },
});

function SurveyRoundNewPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  return (
    <Page title={t('surveys.new')} lead={t('surveys.newLead')}>
      <RoundForm slug={slug} />
    </Page>
  );
}

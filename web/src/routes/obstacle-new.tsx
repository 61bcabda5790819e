import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { ReportForm } from '../features/obstacles/report-form.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const obstacleNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'knelpunten/nieuw',
  component: ObstacleNewPage,
  staticData: { crumb: ({ t }) => t('obstacles.form.title') },
});

function ObstacleNewPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  return (
    <Page title={t('obstacles.form.title')} lead={t('obstacles.form.lead')}>
      <ReportForm slug={slug} />
    </Page>
  );
}

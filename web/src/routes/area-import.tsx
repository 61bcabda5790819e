import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { workspaceRoute } from './workspace.tsx';

// Placeholder: the page is built in its feature's work (issue 3).
export const areaImportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/gebieden',
  component: AreaImportPage,
});

function AreaImportPage() {
  const { t } = useTranslation();
  return <Page title={t('app.name')} />;
}

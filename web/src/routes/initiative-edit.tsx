import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { workspaceRoute } from './workspace.tsx';

// Placeholder: the page is built in its feature's work (issue 3).
export const initiativeEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'initiatieven/$initiativeId/bewerken',
  component: InitiativeEditPage,
});

function InitiativeEditPage() {
  const { t } = useTranslation();
  return <Page title={t('app.name')} />;
}

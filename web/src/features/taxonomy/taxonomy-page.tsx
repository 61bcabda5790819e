import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { canManageAreas } from '../areas/access.ts';
import { TaxonomySection } from './taxonomy-section.tsx';

/** Admin: domains and target groups (admins and coordinators). */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  if (!canManageAreas(workspace.role)) return <ForbiddenPage />;
  return (
    <Page title={t('areas.taxonomy.title')} lead={t('areas.taxonomy.lead')}>
      <TaxonomySection slug={workspace.slug} />
    </Page>
  );
}

import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { canManageAreas } from './access.ts';
import { AreaImport } from './area-import.tsx';
import { AreasTable } from './areas-table.tsx';
import '../../styles/map.css';

const route = getRouteApi('/protected/w/$slug/beheer/gebieden');

/** Admin: import area boundaries and list the areas (admins and coordinators). */
export function AreaImportPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { page = 1 } = route.useSearch();
  if (!canManageAreas(workspace.role)) return <ForbiddenPage />;
  return (
    <Page
      title={t('areas.import.title')}
      lead={t('areas.import.lead', { workspace: workspace.name, code: workspace.gemeentecode })}
    >
      <AreaImport slug={workspace.slug} />
      <AreasTable slug={workspace.slug} page={page} />
    </Page>
  );
}

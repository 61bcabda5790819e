import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { Page } from '../../components/page.tsx';
import { PendingPage } from '../../components/status-pages.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { termsQuery, useTermLabel } from '../actors/reference.ts';
import { canManageAreas } from '../areas/access.ts';
import { indicatorOrder } from '../areas/labels.ts';
import { effectiveSearch, indicatorOptionsQuery, mapLayerQuery } from './data.ts';
import { valueLabel } from './labels.ts';
import { MapControls } from './map-controls.tsx';
import { MapSection } from './map-section.tsx';

const route = getRouteApi('/protected/w/$slug/kaart');

/** The map page (loaded with its route, not with the first page). */
export function MapPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const urlSearch = route.useSearch();
  const navigate = route.useNavigate();
  const termLabel = useTermLabel();
  const { data: indicators } = useSuspenseQuery(indicatorOptionsQuery(slug));
  const search = effectiveSearch(urlSearch, indicators, indicatorOrder);
  const layerQuery = useQuery({
    ...mapLayerQuery(slug, search),
    placeholderData: keepPreviousData,
  });
  const layer = layerQuery.data;
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const domains = terms.filter((term) => term.kind === 'domain' && !term.archived);
  const domain = search.domainId ? terms.find((term) => term.id === search.domainId) : undefined;
  const label = layer ? valueLabel(layer, search, domain ? termLabel(domain) : null, t) : '';
  return (
    <Page title={t('map.title')} lead={t('map.lead', { workspace: workspace.name })}>
      <MapControls
        search={search}
        domains={domains}
        termLabel={termLabel}
        indicators={indicators}
        onShow={(next) => void navigate({ search: next })}
      />
      {layerQuery.isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{t('map.section.failed')}</p>
          {isApiProblem(layerQuery.error) && layerQuery.error.status === 400 ? null : (
            <p className="utrecht-paragraph">{problemMessage(layerQuery.error, t)}</p>
          )}
        </Alert>
      ) : layer ? (
        <MapSection
          slug={slug}
          layer={layer}
          valueLabel={label}
          canManage={canManageAreas(workspace.role)}
        />
      ) : (
        <PendingPage />
      )}
    </Page>
  );
}

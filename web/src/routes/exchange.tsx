import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { canExportCsv, canImportActors } from '../features/exchange/access.ts';
import { ActorImport } from '../features/exchange/actor-import.tsx';
import { hsdsTotalQuery } from '../features/exchange/data.ts';
import { ExportSection } from '../features/exchange/export-section.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';
import '../styles/exchange.css';

/**
 * "Gegevens uitwisselen": downloads for everyone (HSDS) and for `directory.export` roles (CSV);
 * the sociale-kaart import for coordinators and admins.
 */
export const exchangeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'beheer/uitwisseling',
  loader: async ({ context, params }) => {
    await context.queryClient.ensureQueryData(hsdsTotalQuery(params.slug));
  },
  component: ExchangePage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('exchange.title') },
});

function ExchangePage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  return (
    <Page title={t('exchange.title')} lead={t('exchange.lead', { workspace: workspace.name })}>
      <ExportSection slug={slug} csv={canExportCsv(workspace.role)} />
      {canImportActors(workspace.role) ? (
        <section className="wd-exchange-section" aria-labelledby="import-title">
          <h2 className="utrecht-heading-2" id="import-title">
            {t('exchange.import.title')}
          </h2>
          <ActorImport slug={slug} />
        </section>
      ) : null}
    </Page>
  );
}

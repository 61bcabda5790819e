import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { apiTokensQuery } from '../features/tokens/data.ts';
import { TokensSection } from '../features/tokens/tokens-section.tsx';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const tokensRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'tokens',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(apiTokensQuery(params.slug)),
  component: TokensPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('tokens.title') },
});

function TokensPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  return (
    <Page title={t('tokens.title')} lead={t('tokens.lead', { workspace: workspace.name })}>
      <TokensSection slug={workspace.slug} />
    </Page>
  );
}

import { createRoute, redirect } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { meQuery } from '../features/session/store.ts';
import { rootRoute } from './root.tsx';

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) return;
    const first = me.workspaces[0];
    if (first) throw redirect({ to: '/w/$slug', params: { slug: first.slug }, replace: true });
    throw redirect({ to: '/werkruimtes', replace: true });
  },
  component: HomePage,
});

function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <h2 className="utrecht-heading-2">{t('home.whatTitle')}</h2>
      <p className="utrecht-paragraph">{t('home.what')}</p>
      <h2 className="utrecht-heading-2">{t('home.whoTitle')}</h2>
      <p className="utrecht-paragraph">{t('home.who')}</p>
      <p className="utrecht-paragraph">{t('home.access')}</p>
      <p className="utrecht-paragraph">
        <ButtonLink to="/inloggen">{t('home.login')}</ButtonLink>
      </p>
    </Page>
  );
}

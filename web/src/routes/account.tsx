import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { sessionsQuery } from '../features/account/data.ts';
import { PasswordForm } from '../features/account/password-form.tsx';
import { ProfileForm } from '../features/account/profile-form.tsx';
import { SessionsSection } from '../features/account/sessions-section.tsx';
import { meQuery } from '../features/session/store.ts';
import { protectedRoute } from './protected.tsx';

export const accountRoute = createRoute({
  getParentRoute: () => protectedRoute,
  path: '/account',
  loader: ({ context }) => context.queryClient.ensureQueryData(sessionsQuery),
  component: AccountPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('account.title') },
});

function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  // The protected layout only renders this page with a session.
  if (!me) return null;
  return (
    <Page title={t('account.title')}>
      <ProfileForm me={me} />
      <PasswordForm email={me.email} />
      <SessionsSection />
    </Page>
  );
}

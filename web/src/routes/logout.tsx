import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/alert.tsx';
import { SubmitButton } from '../components/form-fields.tsx';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { useLogout } from '../features/session/data.ts';
import { meQuery } from '../features/session/store.ts';
import { problemMessage } from '../lib/problems.ts';
import { rootRoute } from './root.tsx';

export const logoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/uitloggen',
  component: LogoutPage,
  staticData: { crumb: ({ t }) => t('logout.title') },
});

function LogoutPage() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const logout = useLogout();

  if (logout.isSuccess || !me) {
    return (
      <Page title={t('logout.title')}>
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">
            {logout.isSuccess ? t('logout.done') : t('logout.notLoggedIn')}
          </p>
        </Alert>
        <p className="utrecht-paragraph">
          <TextLink to="/inloggen">{t('logout.loginAgain')}</TextLink>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('logout.title')} lead={t('logout.lead', { name: me.displayName })}>
      {logout.isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(logout.error, t)}</p>
        </Alert>
      ) : null}
      <form
        className="wd-form"
        onSubmit={(event) => {
          event.preventDefault();
          logout.mutate();
        }}
      >
        <SubmitButton pending={logout.isPending}>{t('logout.submit')}</SubmitButton>
      </form>
    </Page>
  );
}

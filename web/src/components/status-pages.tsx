import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { problemMessage } from '../lib/problems.ts';
import { Button } from './button.tsx';
import { TextLink } from './links.tsx';
import { Page } from './page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} lead={t('notFound.lead')}>
      <p className="utrecht-paragraph">
        <TextLink to="/">{t('notFound.home')}</TextLink>
      </p>
    </Page>
  );
}

/** Shown when the signed-in user's role does not allow the page. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')} lead={t('forbidden.lead')}>
      <p className="utrecht-paragraph">
        <TextLink to="/werkruimtes">{t('forbidden.back')}</TextLink>
      </p>
    </Page>
  );
}

export function PendingPage() {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph" role="status">
      {t('common.loading')}
    </p>
  );
}

function ErrorContent({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Page title={t('errorPage.title')} lead={problemMessage(error, t)}>
      <p className="utrecht-paragraph">
        <Button onClick={() => void router.invalidate()}>{t('errorPage.retry')}</Button>
      </p>
    </Page>
  );
}

/** Errors of a page render inside the normal layout. */
export function RouteError({ error }: ErrorComponentProps) {
  if (isApiProblem(error) && error.status === 403) return <ForbiddenPage />;
  if (isApiProblem(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorContent error={error} />;
}

/** When even the session check fails (API unreachable) there is no layout to render into. */
export function RootError({ error }: ErrorComponentProps) {
  return (
    <div className="utrecht-page-layout wd-layout">
      <div className="utrecht-page-body">
        <main id="main" tabIndex={-1} className="utrecht-page-body__content wd-main">
          <ErrorContent error={error} />
        </main>
      </div>
    </div>
  );
}

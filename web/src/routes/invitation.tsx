import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import type { InvitationLookup, Me } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { ButtonLink, TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { PendingPage } from '../components/status-pages.tsx';
import {
  AcceptExistingAccount,
  AcceptNewAccountForm,
} from '../features/invitations/accept-form.tsx';
import { invitationLookupQuery } from '../features/invitations/data.ts';
import { invitationToken, keepInvitationToken } from '../features/invitations/token.ts';
import { meQuery } from '../features/session/store.ts';
import { roleLabel } from '../features/workspaces/roles.ts';
import { problemMessage } from '../lib/problems.ts';
import { rootRoute } from './root.tsx';

export const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/uitnodiging',
  // prefetchQuery keeps a failed lookup in the cache instead of throwing; the page explains it.
  loader: async ({ context, location }) => {
    const token = invitationToken(location.hash);
    if (token) await context.queryClient.prefetchQuery(invitationLookupQuery(token));
  },
  component: InvitationPage,
  staticData: { crumb: ({ t }) => t('invitation.title') },
});

function InvitationDetails({ invitation }: { invitation: InvitationLookup }) {
  const { t } = useTranslation();
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{t('invitation.workspace')}</dt>
        <dd className="utrecht-data-list__item-value">{invitation.workspaceName}</dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{t('fields.email')}</dt>
        <dd className="utrecht-data-list__item-value">{invitation.email}</dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{t('fields.role')}</dt>
        <dd className="utrecht-data-list__item-value">{roleLabel(invitation.role, t)}</dd>
      </div>
    </dl>
  );
}

function ExistingAccount(props: { token: string; invitation: InvitationLookup; me: Me | null }) {
  const { t } = useTranslation();
  const { token, invitation, me } = props;
  if (!me) {
    return (
      <>
        <p className="utrecht-paragraph">
          {t('invitation.loginFirst', { email: invitation.email })}
        </p>
        <p className="utrecht-paragraph">
          <ButtonLink
            to="/inloggen"
            search={{ redirect: '/uitnodiging' }}
            onClick={() => keepInvitationToken(token)}
          >
            {t('invitation.loginToAccept')}
          </ButtonLink>
        </p>
      </>
    );
  }
  const otherAccount = me.email.toLowerCase() !== invitation.email.toLowerCase();
  return (
    <>
      {otherAccount ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            {t('invitation.otherAccount', { current: me.email, invited: invitation.email })}
          </p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">
        {t('invitation.acceptAs', { name: me.displayName, workspace: invitation.workspaceName })}
      </p>
      <AcceptExistingAccount token={token} invitation={invitation} language={me.language} />
    </>
  );
}

function InvitationPage() {
  const { t } = useTranslation();
  const [token] = useState(() => invitationToken(window.location.hash));
  const { data: me } = useSuspenseQuery(meQuery);
  const lookup = useQuery({
    ...invitationLookupQuery(token ?? ''),
    enabled: token !== null,
    retryOnMount: false,
  });

  if (!token) {
    return (
      <Page title={t('invitation.title')}>
        <Alert type="error">
          <p className="utrecht-paragraph">{t('invitation.noToken')}</p>
        </Alert>
      </Page>
    );
  }
  if (lookup.isPending) return <PendingPage />;
  if (lookup.isError) {
    const invalid = isApiProblem(lookup.error) && lookup.error.code === 'token_invalid';
    return (
      <Page title={t('invitation.title')}>
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">
            {invalid ? t('invitation.invalid') : problemMessage(lookup.error, t)}
          </p>
        </Alert>
        <p className="utrecht-paragraph">
          <TextLink to="/">{t('notFound.home')}</TextLink>
        </p>
      </Page>
    );
  }

  const invitation = lookup.data;
  return (
    <Page
      title={t('invitation.title')}
      lead={t('invitation.lead', {
        workspace: invitation.workspaceName,
        role: roleLabel(invitation.role, t),
      })}
    >
      <InvitationDetails invitation={invitation} />
      {invitation.accountExists ? (
        <ExistingAccount token={token} invitation={invitation} me={me} />
      ) : (
        <>
          {me ? (
            <Alert type="info">
              <p className="utrecht-paragraph">
                {t('invitation.signedInAsOther', { name: me.displayName })}
              </p>
            </Alert>
          ) : null}
          <AcceptNewAccountForm token={token} invitation={invitation} />
        </>
      )}
    </Page>
  );
}

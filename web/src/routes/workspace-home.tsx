import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { roleLabel } from '../features/workspaces/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

export const workspaceHomeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  component: WorkspaceHomePage,
});

/** A module of the workspace: a heading that links to it and one sentence about it. */
function Card({ children, link }: { children: ReactNode; link: ReactNode }) {
  return (
    <li className="wd-card">
      <h3 className="utrecht-heading-3">{link}</h3>
      <p className="utrecht-paragraph">{children}</p>
    </li>
  );
}

function WorkspaceHomePage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const isAdmin = workspace.role === 'admin';
  const isManager = isAdmin || workspace.role === 'coordinator';
  return (
    <Page title={workspace.name}>
      <dl className="utrecht-data-list utrecht-data-list--rows">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('workspaces.gemeentecode')}</dt>
          <dd className="utrecht-data-list__item-value">{workspace.gemeentecode}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('workspace.yourRole')}</dt>
          <dd className="utrecht-data-list__item-value">{roleLabel(workspace.role, t)}</dd>
        </div>
      </dl>

      <h2 className="utrecht-heading-2">{t('workspace.modules')}</h2>
      <ul className="wd-cards">
        <Card
          link={
            <TextLink to="/w/$slug/zoeken" params={{ slug }}>
              {t('nav.directory')}
            </TextLink>
          }
        >
          {t('workspace.directoryText')}
        </Card>
        <Card
          link={
            <TextLink to="/w/$slug/kaart" params={{ slug }}>
              {t('nav.map')}
            </TextLink>
          }
        >
          {t('workspace.mapText')}
        </Card>
        <Card
          link={
            <TextLink to="/w/$slug/initiatieven" params={{ slug }}>
              {t('nav.initiatives')}
            </TextLink>
          }
        >
          {t('workspace.initiativesText')}
        </Card>
        <Card
          link={
            <TextLink to="/w/$slug/check-in" params={{ slug }}>
              {t('checkIns.nav.label')}
            </TextLink>
          }
        >
          {t('workspace.checkInsText')}
        </Card>
        <Card
          link={
            <TextLink to="/w/$slug/beheer/uitwisseling" params={{ slug }}>
              {t('nav.exchange')}
            </TextLink>
          }
        >
          {t('workspace.exchangeText')}
        </Card>
        {isManager ? (
          <>
            <Card
              link={
                <TextLink to="/w/$slug/beheer/gebieden" params={{ slug }}>
                  {t('nav.areas')}
                </TextLink>
              }
            >
              {t('workspace.areasText')}
            </Card>
            <Card
              link={
                <TextLink to="/w/$slug/beheer/taxonomie" params={{ slug }}>
                  {t('nav.taxonomy')}
                </TextLink>
              }
            >
              {t('workspace.taxonomyText')}
            </Card>
          </>
        ) : null}
        {isAdmin ? (
          <>
            <Card
              link={
                <TextLink to="/w/$slug/beheer/leden" params={{ slug }}>
                  {t('nav.members')}
                </TextLink>
              }
            >
              {t('workspace.membersText')}
            </Card>
            <Card
              link={
                <TextLink to="/w/$slug/beheer/uitnodigingen" params={{ slug }}>
                  {t('nav.invitations')}
                </TextLink>
              }
            >
              {t('workspace.invitationsText')}
            </Card>
          </>
        ) : null}
        <Card
          link={
            <TextLink to="/w/$slug/tokens" params={{ slug }}>
              {t('nav.tokens')}
            </TextLink>
          }
        >
          {t('workspace.tokensText')}
        </Card>
      </ul>
      <p className="utrecht-paragraph">{t('workspace.moreSoon')}</p>
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, Workspace } from '../../api/types.ts';
import { myCarrierQuery } from '../../features/activities/data.ts';
import { exactActive } from '../links.tsx';

const linkClass = 'utrecht-link utrecht-link--html-a utrecht-nav-list__link';

function Item({ children }: { children: ReactNode }) {
  return <li className="utrecht-nav-list__item">{children}</li>;
}

/** Links depend on the session and, inside a workspace, on the user's role there. */
export function PrimaryNav({ me, workspace }: { me: Me | null; workspace: Workspace | null }) {
  const { t } = useTranslation();
  const slug = workspace?.slug;
  // Check-ins: carriers check in; coordinators see totals; others may have some shared with them.
  const carrier = useQuery({ ...myCarrierQuery(slug ?? ''), enabled: Boolean(slug) });
  const isCarrier = carrier.data?.kind === 'person';
  const isManager = workspace?.role === 'admin' || workspace?.role === 'coordinator';
  return (
    <nav className="utrecht-nav-bar" aria-label={t('layout.primaryNav')}>
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list">
          {me ? (
            <Item>
              <Link to="/werkruimtes" className={linkClass} activeOptions={exactActive}>
                {t('nav.workspaces')}
              </Link>
            </Item>
          ) : (
            <>
              <Item>
                <Link to="/" className={linkClass} activeOptions={exactActive}>
                  {t('nav.home')}
                </Link>
              </Item>
              <Item>
                <Link to="/inloggen" className={linkClass} activeOptions={exactActive}>
                  {t('nav.login')}
                </Link>
              </Item>
            </>
          )}
          {slug ? (
            <>
              <Item>
                <Link
                  to="/w/$slug"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.workspaceHome')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/zoeken"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.directory')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/kaart"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.map')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/initiatieven"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.initiatives')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/knelpunten"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('obstacles.title')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/steun"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.support')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/geldstromen"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.funding')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/overlapsignalen"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('signals.title')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/bondgenootschappen"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('alliances.title')}
                </Link>
              </Item>
              <Item>
                <Link
                  to="/w/$slug/netwerk"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('network.title')}
                </Link>
              </Item>
              {isCarrier ? (
                <Item>
                  <Link
                    to="/w/$slug/check-in"
                    params={{ slug }}
                    className={linkClass}
                    activeOptions={exactActive}
                  >
                    {t('nav.myCheckIn')}
                  </Link>
                </Item>
              ) : null}
              {isManager ? (
                <Item>
                  <Link
                    to="/w/$slug/check-in/totalen"
                    params={{ slug }}
                    className={linkClass}
                    activeOptions={exactActive}
                  >
                    {t('nav.checkInTotals')}
                  </Link>
                </Item>
              ) : null}
              {carrier.isSuccess && !isCarrier && !isManager ? (
                <Item>
                  <Link
                    to="/w/$slug/check-in/gedeeld"
                    params={{ slug }}
                    className={linkClass}
                    activeOptions={exactActive}
                  >
                    {t('nav.sharedCheckIns')}
                  </Link>
                </Item>
              ) : null}
              {workspace.role === 'admin' || workspace.role === 'researcher' ? (
                <Item>
                  <Link
                    to="/w/$slug/onderzoek"
                    params={{ slug }}
                    className={linkClass}
                    activeOptions={exactActive}
                  >
                    {t('research.nav')}
                  </Link>
                </Item>
              ) : null}
              <Item>
                <Link
                  to="/w/$slug/beheer/uitwisseling"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.exchange')}
                </Link>
              </Item>
              {workspace.role === 'admin' || workspace.role === 'coordinator' ? (
                <>
                  <Item>
                    <Link
                      to="/w/$slug/beheer/gebieden"
                      params={{ slug }}
                      className={linkClass}
                      activeOptions={exactActive}
                    >
                      {t('nav.areas')}
                    </Link>
                  </Item>
                  <Item>
                    <Link
                      to="/w/$slug/beheer/taxonomie"
                      params={{ slug }}
                      className={linkClass}
                      activeOptions={exactActive}
                    >
                      {t('nav.taxonomy')}
                    </Link>
                  </Item>
                </>
              ) : null}
              {workspace.role === 'admin' ? (
                <>
                  <Item>
                    <Link
                      to="/w/$slug/beheer/leden"
                      params={{ slug }}
                      className={linkClass}
                      activeOptions={exactActive}
                    >
                      {t('nav.members')}
                    </Link>
                  </Item>
                  <Item>
                    <Link
                      to="/w/$slug/beheer/uitnodigingen"
                      params={{ slug }}
                      className={linkClass}
                      activeOptions={exactActive}
                    >
                      {t('nav.invitations')}
                    </Link>
                  </Item>
                </>
              ) : null}
              <Item>
                <Link
                  to="/w/$slug/tokens"
                  params={{ slug }}
                  className={linkClass}
                  activeOptions={exactActive}
                >
                  {t('nav.tokens')}
                </Link>
              </Item>
            </>
          ) : null}
        </ul>
      </div>
    </nav>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me, Workspace } from '../../api/types.ts';
import { NotificationsLink } from '../../features/notifications/notifications-link.tsx';
import { meQuery } from '../../features/session/store.ts';
import { TextLink } from '../links.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { PrimaryNav } from './primary-nav.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

/** The workspace in the URL, or the only one the user has. */
function useCurrentWorkspace(me: Me | null): Workspace | null {
  const { slug } = useParams({ strict: false });
  if (!me) return null;
  if (slug) return me.workspaces.find((w) => w.slug === slug) ?? null;
  return me.workspaces.length === 1 ? (me.workspaces[0] ?? null) : null;
}

function UserMenu({ me, workspace }: { me: Me; workspace: Workspace | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('layout.userMenu')} className="wd-user-menu">
      <p className="utrecht-paragraph wd-user-menu__name">
        {t('layout.loggedInAs', { name: me.displayName })}
      </p>
      <ul className="wd-inline-list">
        {workspace ? (
          <li>
            <NotificationsLink slug={workspace.slug} />
          </li>
        ) : null}
        <li>
          <TextLink to="/account">{t('nav.account')}</TextLink>
        </li>
        <li>
          <TextLink to="/uitloggen">{t('nav.logout')}</TextLink>
        </li>
      </ul>
    </nav>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery);
  const workspace = useCurrentWorkspace(me);
  return (
    <header className="utrecht-page-header wd-header">
      <div className="utrecht-page-header__content wd-header__content">
        <TextLink to="/" className="wd-site-name">
          {t('app.name')}
        </TextLink>
        <div className="wd-header__tools">
          {me ? <WorkspaceSwitcher me={me} current={workspace} /> : null}
          <LanguageSwitch me={me} />
          {me ? <UserMenu me={me} workspace={workspace} /> : null}
        </div>
      </div>
      <PrimaryNav me={me} workspace={workspace} />
    </header>
  );
}

import { Outlet } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { SiteFooter } from './site-footer.tsx';
import { SiteHeader } from './site-header.tsx';

/** Move focus without touching the URL hash (token pages keep their `#token=…`). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

export function RootLayout() {
  const { t } = useTranslation();
  return (
    <div className="utrecht-page-layout wd-layout">
      <a
        href="#main"
        className="utrecht-skip-link utrecht-skip-link--visible-on-focus"
        onClick={skipToMain}
      >
        {t('layout.skipLink')}
      </a>
      <SiteHeader />
      <div className="utrecht-page-body">
        <div className="utrecht-page-body__content">
          <Breadcrumbs />
          <main id="main" tabIndex={-1} className="wd-main">
            <Outlet />
          </main>
        </div>
      </div>
      <SiteFooter />
    </div>
  );
}

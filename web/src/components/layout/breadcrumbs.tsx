import { useQueryClient } from '@tanstack/react-query';
import { Link, useMatches } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/** Trail from the routes' `staticData.crumb`; the last item is the current page. */
export function Breadcrumbs() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const matches = useMatches();

  const crumbs: Array<{ path: string; label: string }> = [];
  for (const match of matches) {
    const crumb = match.staticData.crumb;
    if (!crumb || match.status !== 'success') continue;
    const path = match.pathname.length > 1 ? match.pathname.replace(/\/$/, '') : match.pathname;
    if (crumbs.at(-1)?.path === path) continue;
    crumbs.push({ path, label: crumb({ t, params: match.params, queryClient }) });
  }
  if (crumbs.length < 2) return null;

  return (
    <nav className="utrecht-breadcrumb-nav wd-breadcrumbs" aria-label={t('layout.breadcrumbs')}>
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {crumbs.map((crumb, index) => {
          const current = index === crumbs.length - 1;
          const classes = [
            'utrecht-link',
            'utrecht-link--html-a',
            'utrecht-breadcrumb-nav__link',
            index === 0 ? 'utrecht-breadcrumb-nav__link--first' : '',
            current ? 'utrecht-breadcrumb-nav__link--current' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={crumb.path} className="utrecht-breadcrumb-nav__item">
              <Link
                to={crumb.path}
                className={classes}
                activeOptions={{ exact: true, includeSearch: false }}
                aria-current={current ? 'page' : undefined}
              >
                {crumb.label}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

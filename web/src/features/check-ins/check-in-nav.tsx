import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types.ts';
import { exactActive } from '../../components/links.tsx';
import { canCoordinate } from '../../lib/roles.ts';

const navLink = 'utrecht-link utrecht-link--html-a';

/** Links between the check-in pages; the current one is marked with aria-current. */
export function CheckInNav({ slug, role }: { slug: string; role: Role }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('checkIns.nav.label')}>
      <ul className="wd-inline-list">
        <li>
          <Link
            to="/w/$slug/check-in"
            params={{ slug }}
            className={navLink}
            activeOptions={exactActive}
          >
            {t('checkIns.nav.mine')}
          </Link>
        </li>
        <li>
          <Link
            to="/w/$slug/check-in/gedeeld"
            params={{ slug }}
            className={navLink}
            activeOptions={exactActive}
          >
            {t('checkIns.nav.shared')}
          </Link>
        </li>
        {canCoordinate(role) ? (
          <li>
            <Link
              to="/w/$slug/check-in/totalen"
              params={{ slug }}
              className={navLink}
              activeOptions={exactActive}
            >
              {t('checkIns.nav.totals')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

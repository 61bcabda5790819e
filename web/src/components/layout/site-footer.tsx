import { useTranslation } from 'react-i18next';
import { TextLink } from '../links.tsx';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="utrecht-page-footer">
      <div className="utrecht-page-footer__content wd-footer">
        <nav aria-label={t('layout.footerNav')}>
          <ul className="wd-inline-list">
            <li>
              <TextLink to="/toegankelijkheid">{t('nav.accessibility')}</TextLink>
            </li>
            <li>
              <TextLink to="/privacy">{t('nav.privacy')}</TextLink>
            </li>
          </ul>
        </nav>
        <p className="utrecht-paragraph">{t('layout.footerNote')}</p>
      </div>
    </footer>
  );
}

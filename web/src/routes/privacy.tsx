import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { useFormat } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

const STATEMENT_DATE = '2026-12-04';

export const privacyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/privacy',
  component: PrivacyPage,
  staticData: { crumb: ({ t }) => t('privacy.title') },
});

function PrivacyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const item = 'utrecht-unordered-list__item';
  return (
    <Page title={t('privacy.title')} lead={t('privacy.lead')}>
      <h2 className="utrecht-heading-2">{t('privacy.controllerTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.controller')}</p>
      <h2 className="utrecht-heading-2">{t('privacy.storedTitle')}</h2>
      <ul className="utrecht-unordered-list">
        <li className={item}>{t('privacy.storedAccount')}</li>
        <li className={item}>{t('privacy.storedMembership')}</li>
        <li className={item}>{t('privacy.storedSessions')}</li>
        <li className={item}>{t('privacy.storedTokens')}</li>
        <li className={item}>{t('privacy.storedAudit')}</li>
      </ul>
      <h2 className="utrecht-heading-2">{t('privacy.notStoredTitle')}</h2>
      <ul className="utrecht-unordered-list">
        <li className={item}>{t('privacy.noIp')}</li>
        <li className={item}>{t('privacy.noTracking')}</li>
        <li className={item}>{t('privacy.noThirdParties')}</li>
      </ul>
      <h2 className="utrecht-heading-2">{t('privacy.cookiesTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.cookies')}</p>
      <h2 className="utrecht-heading-2">{t('privacy.retentionTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.retention')}</p>
      <h2 className="utrecht-heading-2">{t('privacy.anonymousTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.anonymous')}</p>
      <h2 className="utrecht-heading-2">{t('privacy.rightsTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.rights')}</p>
      <h2 className="utrecht-heading-2">{t('privacy.contactTitle')}</h2>
      <p className="utrecht-paragraph">{t('privacy.contact')}</p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a" href="mailto:privacy@wijkdragers.nl">
          {t('privacy.contactAddress')}
        </a>
      </p>
      <p className="utrecht-paragraph">{t('privacy.complaint')}</p>
      <p className="utrecht-paragraph">
        {t('privacy.date', { date: format.date(`${STATEMENT_DATE}T12:00:00Z`) })}
      </p>
    </Page>
  );
}

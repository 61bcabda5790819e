import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { useFormat } from '../lib/format.ts';
import { rootRoute } from './root.tsx';

/** Date of the statement; update it with every review. */
const STATEMENT_DATE = '2026-11-29';

export const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/toegankelijkheid',
  component: AccessibilityPage,
  staticData: { crumb: ({ t }) => t('accessibility.title') },
});

function AccessibilityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Page title={t('accessibility.title')} lead={t('accessibility.lead')}>
      <h2 className="utrecht-heading-2">{t('accessibility.standardTitle')}</h2>
      <p className="utrecht-paragraph">{t('accessibility.standard')}</p>
      <h2 className="utrecht-heading-2">{t('accessibility.measuresTitle')}</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('accessibility.measureDesignSystem')}</li>
        <li className="utrecht-unordered-list__item">{t('accessibility.measureKeyboard')}</li>
        <li className="utrecht-unordered-list__item">{t('accessibility.measureTests')}</li>
        <li className="utrecht-unordered-list__item">{t('accessibility.measureAlternatives')}</li>
      </ul>
      <h2 className="utrecht-heading-2">{t('accessibility.knownTitle')}</h2>
      <p className="utrecht-paragraph">{t('accessibility.known')}</p>
      <h2 className="utrecht-heading-2">{t('accessibility.reportTitle')}</h2>
      <p className="utrecht-paragraph">{t('accessibility.report')}</p>
      <p className="utrecht-paragraph">
        <a
          className="utrecht-link utrecht-link--html-a"
          href="mailto:toegankelijkheid@wijkdragers.nl"
        >
          {t('accessibility.reportAddress')}
        </a>
      </p>
      <p className="utrecht-paragraph">{t('accessibility.reportResponse')}</p>
      <h2 className="utrecht-heading-2">{t('accessibility.escalateTitle')}</h2>
      <p className="utrecht-paragraph">{t('accessibility.escalate')}</p>
      <p className="utrecht-paragraph">
        {t('accessibility.date', { date: format.date(`${STATEMENT_DATE}T12:00:00Z`) })}
      </p>
    </Page>
  );
}

import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

// Every page of a study (the contract's Web section); the analysis pages (interviews, codebook,
// comparison, export) belong to the research-analysis feature.
const pages = [
  { to: '/w/$slug/onderzoek/$studyId/deelnemers', key: 'participants' },
  { to: '/w/$slug/onderzoek/$studyId/golven', key: 'waves' },
  { to: '/w/$slug/onderzoek/$studyId/interviews', key: 'interviews' },
  { to: '/w/$slug/onderzoek/$studyId/codeboek', key: 'codebook' },
  { to: '/w/$slug/onderzoek/$studyId/vergelijking', key: 'comparison' },
  { to: '/w/$slug/onderzoek/$studyId/export', key: 'export' },
] as const;

/** The study's pages as a navigation list with a short description of each. */
export function StudyLinks({ slug, studyId }: { slug: string; studyId: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="study-pages">
      <h2 className="utrecht-heading-2" id="study-pages">
        {t('research.study.pages')}
      </h2>
      <ul className="utrecht-unordered-list">
        {pages.map((p) => (
          <li key={p.key} className="utrecht-unordered-list__item">
            <Link
              to={p.to}
              params={{ slug, studyId }}
              className="utrecht-link utrecht-link--html-a"
            >
              {t(`research.study.page.${p.key}`)}
            </Link>
            {' – '}
            {t(`research.study.pageHint.${p.key}`)}
          </li>
        ))}
      </ul>
    </nav>
  );
}

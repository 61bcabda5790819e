import { useTranslation } from 'react-i18next';
import { exportFiles, exportUrl } from './data.ts';
import type { NetworkFilter } from './types.ts';

/** Downloads of the shown network (same day and filters): GEXF, GraphML, CSV and a codebook. */
export function NetworkExports({
  slug,
  asOf,
  filter,
  pseudonymised,
}: {
  slug: string;
  asOf: string | undefined;
  filter: NetworkFilter;
  /** Researchers always get pseudonyms. */
  pseudonymised: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="wd-section" aria-labelledby="network-exports">
      <h2 className="utrecht-heading-2" id="network-exports">
        {t('network.exports.title')}
      </h2>
      <p className="utrecht-paragraph">
        {t(pseudonymised ? 'network.exports.leadPseudonymised' : 'network.exports.lead')}
      </p>
      <ul className="utrecht-unordered-list">
        {exportFiles.map((file) => (
          <li key={file} className="utrecht-unordered-list__item">
            <a
              className="utrecht-link utrecht-link--html-a"
              href={exportUrl(slug, file, asOf, filter)}
              download
            >
              {t(`network.exports.${file}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

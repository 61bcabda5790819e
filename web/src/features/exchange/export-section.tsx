import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { csvExportUrl, HSDS_PART_SIZE, hsdsExportUrl, hsdsTotalQuery } from './data.ts';
import { csvDelimiters, type CsvDelimiter } from './types.ts';

const linkClass = 'utrecht-link utrecht-link--html-a';

const delimiterKeys = {
  semicolon: 'exchange.exports.semicolon',
  comma: 'exchange.exports.comma',
} as const satisfies Record<CsvDelimiter, string>;

/** Actors and activities as CSV, for roles with `directory.export`. */
function CsvDownloads({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [delimiter, setDelimiter] = useState<CsvDelimiter>('semicolon');
  return (
    <section className="wd-exchange-section" aria-labelledby="exports-csv-title">
      <h3 className="utrecht-heading-3" id="exports-csv-title">
        {t('exchange.exports.csvTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('exchange.exports.csvText')}</p>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wd-stack-item">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('exchange.exports.delimiter')}
        </legend>
        {csvDelimiters.map((value) => (
          <div key={value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`csv-delimiter-${value}`}
                name="csv-delimiter"
                value={value}
                checked={delimiter === value}
                onChange={() => setDelimiter(value)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label
                className="utrecht-form-label utrecht-form-label--radio"
                htmlFor={`csv-delimiter-${value}`}
              >
                {t(delimiterKeys[value])}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <a className={linkClass} href={csvExportUrl(slug, 'actors', delimiter)} download>
            {t('exchange.exports.actors')}
          </a>
        </li>
        <li className="utrecht-unordered-list__item">
          <a className={linkClass} href={csvExportUrl(slug, 'activities', delimiter)} download>
            {t('exchange.exports.activities')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** HSDS 3.0 of the public organisations, for everyone; in parts of at most 100 organisations. */
function HsdsDownload({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data: total } = useSuspenseQuery(hsdsTotalQuery(slug));
  const parts = Math.max(1, Math.ceil(total / HSDS_PART_SIZE));
  const fileName = (part: number) =>
    parts === 1 ? `wijkdragers-${slug}-hsds.json` : `wijkdragers-${slug}-hsds-${part}.json`;
  return (
    <section className="wd-exchange-section" aria-labelledby="exports-hsds-title">
      <h3 className="utrecht-heading-3" id="exports-hsds-title">
        {t('exchange.exports.hsdsTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('exchange.exports.hsdsText')}</p>
      <p className="utrecht-paragraph">
        {total === 0
          ? t('exchange.exports.hsdsEmpty')
          : t('exchange.exports.hsdsCount', { count: total })}
        {parts > 1 ? ` ${t('exchange.exports.hsdsParts', { size: HSDS_PART_SIZE })}` : null}
      </p>
      <ul className="utrecht-unordered-list">
        {Array.from({ length: parts }, (_, i) => i + 1).map((part) => (
          <li key={part} className="utrecht-unordered-list__item">
            <a className={linkClass} href={hsdsExportUrl(slug, part)} download={fileName(part)}>
              {parts === 1
                ? t('exchange.exports.hsds')
                : t('exchange.exports.hsdsPart', { part, parts })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExportSection({ slug, csv }: { slug: string; csv: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="wd-exchange-section" aria-labelledby="exports-title">
      <h2 className="utrecht-heading-2" id="exports-title">
        {t('exchange.exports.title')}
      </h2>
      {csv ? <CsvDownloads slug={slug} /> : null}
      <HsdsDownload slug={slug} />
    </section>
  );
}

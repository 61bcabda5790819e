import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { levelLabel } from './labels.ts';
import { areaLevels, type AreaImportPreview, type AreaImportWarning } from './types.ts';

const mappingKeys = {
  cbs: 'areas.import.mappings.cbs',
  pdok: 'areas.import.mappings.pdok',
  simple: 'areas.import.mappings.simple',
} as const;

export function mappingLabel(mapping: string, t: TFunction): string {
  return mapping in mappingKeys ? t(mappingKeys[mapping as keyof typeof mappingKeys]) : mapping;
}

export const crsLabel = (crs: string, t: TFunction): string =>
  crs === 'EPSG:28992'
    ? t('areas.import.crsRd')
    : crs === 'EPSG:4326'
      ? t('areas.import.crsWgs84')
      : crs;

const crsFromKeys = {
  option: 'areas.import.crsFrom.option',
  file: 'areas.import.crsFrom.file',
  coordinates: 'areas.import.crsFrom.coordinates',
} as const;

const warningKeys = {
  crs_from_coordinates: 'areas.import.warningTexts.crs_from_coordinates',
  year_differs: 'areas.import.warningTexts.year_differs',
  names_missing: 'areas.import.warningTexts.names_missing',
  population_missing: 'areas.import.warningTexts.population_missing',
  rounding_artefacts: 'areas.import.warningTexts.rounding_artefacts',
} as const;

function warningText(warning: AreaImportWarning, t: TFunction): string {
  const count = warning.count ?? 0;
  if (warning.code in warningKeys)
    return t(warningKeys[warning.code as keyof typeof warningKeys], { count });
  return t('areas.import.warningTexts.other');
}

/** Facts about the file as read: name, field-name style and coordinate system. */
export function FileFacts({
  fileName,
  mapping,
  crs,
  crsFrom,
}: {
  fileName: string;
  mapping: string;
  crs: string;
  crsFrom?: AreaImportPreview['crsFrom'];
}) {
  const { t } = useTranslation();
  const crsText = crsFrom
    ? t('areas.import.crsWithSource', { crs: crsLabel(crs, t), source: t(crsFromKeys[crsFrom]) })
    : crsLabel(crs, t);
  const facts: Array<[string, string]> = [
    [t('areas.import.file'), fileName],
    [t('areas.import.mapping'), mappingLabel(mapping, t)],
    [t('areas.import.crsUsed'), crsText],
  ];
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {facts.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CodeList({ title, codes, total }: { title: string; codes: string[]; total: number }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <details className="wd-stack-item">
      <summary>{t('areas.import.codesSummary', { title, count: total })}</summary>
      <p className="utrecht-paragraph wd-code-list">{codes.join(', ')}</p>
      {codes.length < total ? (
        <p className="utrecht-paragraph">
          {t('areas.import.codesPartial', { shown: codes.length, total })}
        </p>
      ) : null}
    </details>
  );
}

interface ImportPreviewProps {
  preview: AreaImportPreview;
  fileName: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Step 2: the dry run's outcome, and the choice to import or to pick another file. */
export function ImportPreview({
  preview,
  fileName,
  pending,
  onConfirm,
  onCancel,
}: ImportPreviewProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The preview replaces the form: move focus to it, so screen-reader users hear what changed.
  useEffect(() => headingRef.current?.focus(), []);
  const levels = areaLevels
    .filter((level) => (preview.levels[level] ?? 0) > 0)
    .map((level) =>
      t('areas.import.levelCount', {
        level: levelLabel(level, t),
        count: preview.levels[level],
      }),
    );
  return (
    <section className="wd-section" aria-labelledby="import-preview-title">
      <h2 className="utrecht-heading-2" id="import-preview-title" ref={headingRef} tabIndex={-1}>
        {t('areas.import.previewTitle')}
      </h2>
      <p className="utrecht-paragraph">
        {t('areas.import.previewSummary', {
          created: t('areas.import.createdAreas', { count: preview.created }),
          updated: t('areas.import.updatedAreas', { count: preview.updated }),
          year: preview.year,
        })}
      </p>
      <FileFacts
        fileName={fileName}
        mapping={preview.mapping}
        crs={preview.crs}
        crsFrom={preview.crsFrom}
      />
      {levels.length > 0 ? (
        <p className="utrecht-paragraph">
          {t('areas.import.levels', { levels: levels.join(', ') })}
        </p>
      ) : null}
      <CodeList
        title={t('areas.import.createdCodes')}
        codes={preview.createdCodes}
        total={preview.created}
      />
      <CodeList
        title={t('areas.import.updatedCodes')}
        codes={preview.updatedCodes}
        total={preview.updated}
      />
      {preview.warnings.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('areas.import.warnings')}</h3>
          <ul className="utrecht-unordered-list">
            {preview.warnings.map((warning) => (
              <li key={warning.code} className="utrecht-unordered-list__item">
                {warningText(warning, t)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="utrecht-paragraph">{t('areas.import.confirmHint')}</p>
      <div className="utrecht-button-group">
        <Button pending={pending} onClick={onConfirm}>
          {t('areas.import.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('areas.import.otherFile')}
        </Button>
      </div>
    </section>
  );
}

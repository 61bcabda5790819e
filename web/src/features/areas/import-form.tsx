import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { ImportErrors } from './import-errors.tsx';
import { crsChoices, type AreaImportInput, type CrsChoice } from './types.ts';

type Field = 'file' | 'year' | 'crs';
type ClientCode = 'fileRequired' | 'notJson' | 'notGeoJson' | 'yearInvalid';

interface ImportFormProps {
  pending: boolean;
  /** The failed preview, if any: field errors, or the file's per-feature report. */
  error: unknown;
  onPreview: (input: AreaImportInput, fileName: string) => void;
  /** After "another file": focus the form's heading, as the previous step's button is gone. */
  focusOnMount?: boolean;
}

const isCrs = (value: string): value is CrsChoice =>
  (crsChoices as readonly string[]).includes(value);

/** The file's per-feature problems come as a 400 with pointers `/features/<n>` (or `/`). */
export function fileProblems(error: unknown) {
  if (!isApiProblem(error) || error.status !== 400) return null;
  const rows = error.errors.filter((e) => e.pointer === '/' || e.pointer.startsWith('/features'));
  return rows.length > 0 ? rows : null;
}

async function readGeoJson(file: File): Promise<Record<string, unknown> | ClientCode> {
  let value: unknown;
  try {
    value = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
  } catch {
    return 'notJson';
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : 'notGeoJson';
}

/** Step 1: choose the file, its CBS year and (when the file does not say) its coordinate system. */
export function ImportForm({ pending, error, onPreview, focusOnMount = false }: ImportFormProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [crs, setCrs] = useState<'' | CrsChoice>('');
  const [codes, setCodes] = useState<Partial<Record<Field, ClientCode>> | null>(null);
  const [reading, setReading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const specs: FieldSpecs<Field> = {
    file: { id: 'import-file', label: t('areas.import.file') },
    year: { id: 'import-year', label: t('areas.import.year') },
    crs: { id: 'import-crs', label: t('areas.import.crs') },
  };
  const clientMessages: Record<ClientCode, string> = {
    fileRequired: t('areas.import.fileRequired'),
    notJson: t('areas.import.notJson'),
    notGeoJson: t('areas.import.notGeoJson'),
    yearInvalid: t('areas.import.yearInvalid'),
  };
  const problems = codes ? null : fileProblems(error);
  let errors: FormErrors<Field>;
  if (codes) {
    const fields: Partial<Record<Field, string>> = {};
    for (const [name, code] of Object.entries(codes) as [Field, ClientCode][]) {
      fields[name] = clientMessages[code];
    }
    errors = { fields, general: null };
  } else if (problems) {
    errors = { fields: {}, general: t('areas.import.fileRejected') };
  } else if (isApiProblem(error) && error.status === 413) {
    errors = { fields: { file: t('areas.import.tooLarge') }, general: null };
  } else {
    errors = problemErrors(error, specs, t);
  }

  const submit = async () => {
    setAttempt((n) => n + 1);
    const found: Partial<Record<Field, ClientCode>> = {};
    const yearNumber = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim()) || yearNumber < 1900 || yearNumber > 2100) {
      found.year = 'yearInvalid';
    }
    let geojson: Record<string, unknown> | null = null;
    if (!file) {
      found.file = 'fileRequired';
    } else {
      setReading(true);
      const read = await readGeoJson(file);
      setReading(false);
      if (typeof read === 'string') found.file = read;
      else geojson = read;
    }
    if (Object.keys(found).length > 0 || !geojson || !file) {
      setCodes(found);
      return;
    }
    setCodes(null);
    onPreview({ geojson, year: yearNumber, ...(crs ? { crs } : {}) }, file.name);
  };

  return (
    <section className="wd-section" aria-labelledby="import-form-title">
      <h2 className="utrecht-heading-2" id="import-form-title" ref={headingRef} tabIndex={-1}>
        {t('areas.import.formTitle')}
      </h2>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      {problems ? <ImportErrors errors={problems} /> : null}
      <form
        className="wd-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && !reading) void submit();
        }}
      >
        <div
          className={`utrecht-form-field utrecht-form-field--text${errors.fields.file ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={specs.file.id}>
              {specs.file.label}
            </label>
          </div>
          <div
            className="utrecht-form-field__description utrecht-form-field-description"
            id="import-file-description"
          >
            {t('areas.import.fileHint')}
          </div>
          {errors.fields.file ? (
            <div
              className="utrecht-form-field__error-message utrecht-form-field-error-message"
              id="import-file-error"
            >
              <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
              {errors.fields.file}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id={specs.file.id}
              type="file"
              className="wd-file-input"
              accept=".geojson,.json,application/geo+json,application/json"
              aria-describedby={
                errors.fields.file
                  ? 'import-file-error import-file-description'
                  : 'import-file-description'
              }
              aria-invalid={errors.fields.file ? true : undefined}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <TextField
          spec={specs.year}
          error={errors.fields.year}
          description={t('areas.import.yearHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          value={year}
          onChange={(event) => setYear(event.target.value)}
        />
        <SelectField
          spec={specs.crs}
          error={errors.fields.crs}
          description={t('areas.import.crsHint')}
          options={[
            { value: '', label: t('areas.import.crsAuto') },
            { value: 'EPSG:28992', label: t('areas.import.crsRd') },
            { value: 'EPSG:4326', label: t('areas.import.crsWgs84') },
          ]}
          value={crs}
          onChange={(event) => setCrs(isCrs(event.target.value) ? event.target.value : '')}
        />
        <SubmitButton pending={pending || reading}>{t('areas.import.check')}</SubmitButton>
      </form>
    </section>
  );
}

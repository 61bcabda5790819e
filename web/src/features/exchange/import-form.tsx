import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { problemMessage } from '../../lib/problems.ts';
import type { FieldSpecs, FormErrors } from '../../lib/form.ts';
import { readImportFile, type FileCode } from './read-file.ts';
import type { ActorImportInput } from './types.ts';

type Field = 'file';

interface ImportFormProps {
  pending: boolean;
  /** The failed check (413, network, …); a file's own problems come back in the report. */
  error: unknown;
  onCheck: (input: ActorImportInput, fileName: string) => void;
  /** A new file invalidates the report of the previous one. */
  onFileChange: () => void;
  /** After "import another list": focus the form's heading, as the previous button is gone. */
  focusOnMount?: boolean;
}

const FILE_ID = 'actor-import-file';

/** Step 1: choose the list; the browser reads it and the server checks it (a dry run). */
export function ImportForm(props: ImportFormProps) {
  const { pending, error, onCheck, onFileChange, focusOnMount = false } = props;
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [file, setFile] = useState<File | null>(null);
  const [code, setCode] = useState<FileCode | null>(null);
  const [reading, setReading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const specs: FieldSpecs<Field> = { file: { id: FILE_ID, label: t('exchange.import.file') } };
  const messages: Record<FileCode, string> = {
    fileRequired: t('exchange.import.fileRequired'),
    wrongType: t('exchange.import.wrongType'),
    emptyFile: t('exchange.import.emptyFile'),
    tooLarge: t('exchange.import.tooLarge'),
    unreadable: t('exchange.import.unreadable'),
  };
  let errors: FormErrors<Field> = { fields: {}, general: null };
  if (code) errors = { fields: { file: messages[code] }, general: null };
  else if (isApiProblem(error) && error.status === 413)
    errors = { fields: { file: messages.tooLarge }, general: null };
  else if (error) errors = { fields: {}, general: problemMessage(error, t) };
  const fileError = errors.fields.file;

  const submit = async () => {
    setAttempt((n) => n + 1);
    setReading(true);
    const read = await readImportFile(file);
    setReading(false);
    if (typeof read === 'string') {
      setCode(read);
      return;
    }
    setCode(null);
    if (file) onCheck(read, file.name);
  };

  return (
    <section className="wd-exchange-section" aria-labelledby="import-form-title">
      <h3 className="utrecht-heading-3" id="import-form-title" ref={headingRef} tabIndex={-1}>
        {t('exchange.import.formTitle')}
      </h3>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && !reading) void submit();
        }}
      >
        <div
          className={`utrecht-form-field utrecht-form-field--text${fileError ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={FILE_ID}>
              {specs.file.label}
            </label>
          </div>
          <div
            className="utrecht-form-field__description utrecht-form-field-description"
            id={`${FILE_ID}-description`}
          >
            {t('exchange.import.fileHint')}
          </div>
          {fileError ? (
            <div
              className="utrecht-form-field__error-message utrecht-form-field-error-message"
              id={`${FILE_ID}-error`}
            >
              <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
              {fileError}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id={FILE_ID}
              type="file"
              className="wd-exchange-file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={
                fileError ? `${FILE_ID}-error ${FILE_ID}-description` : `${FILE_ID}-description`
              }
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setCode(null);
                onFileChange();
              }}
            />
          </div>
        </div>
        <SubmitButton pending={pending || reading}>{t('exchange.import.check')}</SubmitButton>
      </form>
    </section>
  );
}

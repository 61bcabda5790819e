import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpecs, FormErrors } from '../lib/form.ts';

interface ErrorSummaryProps<F extends string> {
  errors: FormErrors<F>;
  specs: FieldSpecs<F>;
}

/** Focus the field itself; following `#id` would replace the URL hash (which may hold a token). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  const field = document.getElementById(id);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/**
 * Error summary at the top of a form: announced as an alert, takes focus when it appears, and
 * links every message to its field. Remount it (with a `key`) to announce a new attempt.
 */
export function ErrorSummary<F extends string>({ errors, specs }: ErrorSummaryProps<F>) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fieldNames = (Object.keys(specs) as F[]).filter((name) => errors.fields[name]);
  const visible = fieldNames.length > 0 || errors.general !== null;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible]);

  if (!visible) return null;
  return (
    <div
      ref={ref}
      className="utrecht-alert utrecht-alert--error wd-stack-item"
      role="alert"
      tabIndex={-1}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-2">
            {fieldNames.length > 0 ? t('form.summaryTitle') : t('form.problemTitle')}
          </h2>
          {errors.general ? <p className="utrecht-paragraph">{errors.general}</p> : null}
          {fieldNames.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {fieldNames.map((name) => (
                <li key={name} className="utrecht-unordered-list__item">
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${specs[name].id}`}
                    onClick={(event) => focusField(event, specs[name].id)}
                  >
                    {errors.fields[name]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

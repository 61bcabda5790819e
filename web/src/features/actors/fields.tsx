import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../lib/form.ts';
import '../../styles/directory.css';

/** Ids of the description and error texts that describe a control. */
function describedBy(id: string, description: boolean, error: boolean): string | undefined {
  const ids = [error ? `${id}-error` : null, description ? `${id}-description` : null];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div
      className="utrecht-form-field__error-message utrecht-form-field-error-message"
      id={`${id}-error`}
    >
      <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
      {error}
    </div>
  );
}

function FieldDescription({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div
      className="utrecht-form-field__description utrecht-form-field-description"
      id={`${id}-description`}
    >
      {children}
    </div>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & {
  spec: FieldSpec;
  description?: ReactNode;
  error?: string | undefined;
};

/** A labelled multi-line text field, wired like the shared text fields. */
export function TextAreaField({ spec, description, error, ...textarea }: TextAreaFieldProps) {
  const invalid = error ? ' utrecht-form-field--invalid' : '';
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${invalid}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={spec.id}>
          {spec.label}
        </label>
      </div>
      <FieldDescription id={spec.id}>{description}</FieldDescription>
      <FieldError id={spec.id} error={error} />
      <div className="utrecht-form-field__input">
        <textarea
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          rows={4}
          {...textarea}
          id={spec.id}
          aria-describedby={describedBy(spec.id, Boolean(description), Boolean(error))}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  error?: string | undefined;
}

/** One checkbox with its label to the right (Utrecht checkbox form field). */
export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  description,
  error,
}: CheckboxFieldProps) {
  const invalid = error ? ' utrecht-form-field--invalid' : '';
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${invalid}`}>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id} error={error} />
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          id={id}
          className={`utrecht-checkbox utrecht-checkbox--html-input${error ? ' utrecht-checkbox--invalid' : ''}`}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy(id, Boolean(description), Boolean(error))}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}

interface FieldsetProps {
  /** Id of the fieldset; its description and error get `<id>-description`/`<id>-error`. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A group of controls with a legend; the error and description describe the whole group. */
export function Fieldset({ id, legend, description, error, children }: FieldsetProps) {
  const invalid = error ? ' utrecht-form-fieldset--invalid' : '';
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wd-fieldset${invalid}`}
      id={id}
      aria-describedby={describedBy(id, Boolean(description), Boolean(error))}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      <FieldDescription id={id}>{description}</FieldDescription>
      <FieldError id={id} error={error} />
      {children}
    </fieldset>
  );
}

interface CheckboxGroupProps {
  /** Prefix of the checkbox ids; the first checkbox is `<idPrefix>-0` (error summary target). */
  idPrefix: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  emptyText?: string;
}

/** A fieldset of checkboxes for picking several values (domains, target groups, channels). */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const { idPrefix, legend, description, error, options, selected, onChange, emptyText } = props;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <Fieldset id={`${idPrefix}-group`} legend={legend} description={description} error={error}>
      {options.length === 0 && emptyText ? <p className="utrecht-paragraph">{emptyText}</p> : null}
      <ul className="wd-checkbox-list wd-checkbox-list--columns">
        {options.map((option, i) => (
          <li key={option.value}>
            <CheckboxField
              id={`${idPrefix}-${i}`}
              label={option.label}
              checked={selected.includes(option.value)}
              onChange={(on) => toggle(option.value, on)}
            />
          </li>
        ))}
      </ul>
    </Fieldset>
  );
}

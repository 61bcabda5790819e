import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../lib/form.ts';
import { Button } from './button.tsx';

interface FieldShellProps {
  spec: FieldSpec;
  kind: 'text' | 'select';
  description?: ReactNode;
  error?: string | undefined;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** Utrecht form field: label, description, inline error and the control, wired with ARIA. */
function FieldShell({ spec, kind, description, error, children }: FieldShellProps) {
  const { t } = useTranslation();
  const descriptionId = `${spec.id}-description`;
  const errorId = `${spec.id}-error`;
  const describedBy = [error ? errorId : null, description ? descriptionId : null]
    .filter(Boolean)
    .join(' ');
  const invalid = error ? ' utrecht-form-field--invalid' : '';
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind}${invalid}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={spec.id}>
          {spec.label}
        </label>
      </div>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={descriptionId}
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div
          className="utrecht-form-field__error-message utrecht-form-field-error-message"
          id={errorId}
        >
          <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        {children({
          id: spec.id,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(error ? { 'aria-invalid': true as const } : {}),
        })}
      </div>
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & {
  spec: FieldSpec;
  description?: ReactNode;
  error?: string | undefined;
};

export function TextField({ spec, description, error, ...input }: TextFieldProps) {
  const invalid = error ? ' utrecht-textbox--invalid' : '';
  return (
    <FieldShell spec={spec} kind="text" description={description} error={error}>
      {(aria) => (
        <input
          className={`utrecht-textbox utrecht-textbox--html-input${invalid}`}
          type="text"
          {...input}
          {...aria}
        />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & {
  spec: FieldSpec;
  options: ReadonlyArray<{ value: string; label: string }>;
  description?: ReactNode;
  error?: string | undefined;
};

export function SelectField({ spec, options, description, error, ...select }: SelectFieldProps) {
  const invalid = error ? ' utrecht-select--invalid' : '';
  return (
    <FieldShell spec={spec} kind="select" description={description} error={error}>
      {(aria) => (
        <select
          className={`utrecht-select utrecht-select--html-select${invalid}`}
          {...select}
          {...aria}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}

/** The form's submit button; busy (not `disabled`) only while the request runs. */
export function SubmitButton({ pending, children, variant = 'primary' }: SubmitButtonProps) {
  return (
    <Button type="submit" variant={variant} pending={pending}>
      {children}
    </Button>
  );
}

type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> & {
  spec: FieldSpec;
  description?: ReactNode;
  error?: string | undefined;
};

/** A labelled file input with a description and inline error, wired like the text fields. */
export function FileField({ spec, description, error, ...input }: FileFieldProps) {
  return (
    <FieldShell spec={spec} kind="text" description={description} error={error}>
      {(aria) => <input {...input} {...aria} type="file" className="wd-file-input" />}
    </FieldShell>
  );
}

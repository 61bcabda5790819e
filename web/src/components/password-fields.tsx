import type { ChangeEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../lib/form.ts';
import { TextField } from './form-fields.tsx';

interface InputBinding {
  name: string;
  value: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
}

interface PasswordFieldsProps {
  password: FieldSpec;
  repeat: FieldSpec;
  errors: { password?: string | undefined; repeat?: string | undefined };
  passwordProps: InputBinding;
  repeatProps: InputBinding;
}

/** New password plus repeat, with the rules as a description. */
export function PasswordFields(props: PasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        spec={props.password}
        error={props.errors.password}
        description={t('fields.passwordRules')}
        type="password"
        autoComplete="new-password"
        required
        {...props.passwordProps}
      />
      <TextField
        spec={props.repeat}
        error={props.errors.repeat}
        type="password"
        autoComplete="new-password"
        required
        {...props.repeatProps}
      />
    </>
  );
}

/** Client check: the repeat must equal the password. */
export function mismatch(password: string, repeat: string): 'password_mismatch' | null {
  return repeat && password !== repeat ? 'password_mismatch' : null;
}

import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';

interface EmailFormProps {
  id: string;
  label: string;
  description?: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (email: string, reset: () => void) => void;
}

/** One email address and a button: appointing the steward, adding a researcher. */
export function EmailForm(props: EmailFormProps) {
  const { id, label, description, submitLabel, pending, error, onSubmit } = props;
  const { t } = useTranslation();
  const form = useForm<'email'>({ email: '' });
  const specs: FieldSpecs<'email'> = { email: { id, label } };
  const errors = form.errors(specs, error, t);
  const submit = form.onSubmit(
    (v) => requiredCodes(v, ['email']),
    (v) => onSubmit(v.email.trim(), form.reset),
  );
  return (
    <form className="wd-form" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <TextField
        spec={specs.email}
        type="email"
        autoComplete="off"
        description={description}
        error={errors.fields.email}
        {...form.field('email')}
        required
      />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

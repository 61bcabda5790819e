import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { mismatch, PasswordFields } from '../../components/password-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { useChangePassword } from './data.ts';

type Field = 'currentPassword' | 'newPassword' | 'newPasswordRepeat';

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<Field>({ currentPassword: '', newPassword: '', newPasswordRepeat: '' });
  const specs: FieldSpecs<Field> = {
    currentPassword: { id: 'password-current', label: t('fields.currentPassword') },
    newPassword: { id: 'password-new', label: t('fields.newPassword'), password: true },
    newPasswordRepeat: { id: 'password-repeat', label: t('fields.repeatPassword') },
  };
  const errors = form.errors(specs, change.error, t);

  const submit = form.onSubmit(
    (values) => {
      const codes = requiredCodes(values, ['currentPassword', 'newPassword', 'newPasswordRepeat']);
      const repeat = mismatch(values.newPassword, values.newPasswordRepeat);
      return repeat ? { ...codes, newPasswordRepeat: repeat } : codes;
    },
    (values) =>
      change.mutate(
        { currentPassword: values.currentPassword, newPassword: values.newPassword },
        { onSuccess: () => form.reset() },
      ),
  );

  return (
    <section aria-labelledby="password-title">
      <h2 className="utrecht-heading-2" id="password-title">
        {t('account.passwordTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('account.passwordLead')}</p>
      <StatusMessage message={change.isSuccess ? t('account.passwordChanged') : null} />
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form className="wd-form" noValidate onSubmit={submit}>
        {/* Lets password managers store the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          spec={specs.currentPassword}
          error={errors.fields.currentPassword}
          type="password"
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <PasswordFields
          password={specs.newPassword}
          repeat={specs.newPasswordRepeat}
          errors={{ password: errors.fields.newPassword, repeat: errors.fields.newPasswordRepeat }}
          passwordProps={form.field('newPassword')}
          repeatProps={form.field('newPasswordRepeat')}
        />
        <SubmitButton pending={change.isPending}>{t('account.changePassword')}</SubmitButton>
      </form>
    </section>
  );
}

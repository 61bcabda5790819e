import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SubmitButton, TextField } from '../components/form-fields.tsx';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { usePasswordResetRequest } from '../features/session/data.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../lib/form.ts';
import { rootRoute } from './root.tsx';

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-vergeten',
  component: ForgotPasswordPage,
  staticData: { crumb: ({ t }) => t('forgotPassword.title') },
});

type Field = 'email';

function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = usePasswordResetRequest();
  const form = useForm<Field>({ email: '' });
  const specs: FieldSpecs<Field> = { email: { id: 'forgot-email', label: t('fields.email') } };
  const errors = form.errors(specs, request.error, t);

  if (request.isSuccess) {
    // The same answer whether or not the address has an account.
    return (
      <Page title={t('forgotPassword.title')}>
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('forgotPassword.sent')}</p>
        </Alert>
        <p className="utrecht-paragraph">{t('forgotPassword.sentHint')}</p>
        <p className="utrecht-paragraph">
          <TextLink to="/inloggen">{t('forgotPassword.backToLogin')}</TextLink>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('forgotPassword.title')} lead={t('forgotPassword.lead')}>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={form.onSubmit(
          (values) => requiredCodes(values, ['email']),
          (values) => request.mutate({ email: values.email.trim() }),
        )}
      >
        <TextField
          spec={specs.email}
          error={errors.fields.email}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          {...form.field('email')}
        />
        <SubmitButton pending={request.isPending}>{t('forgotPassword.submit')}</SubmitButton>
      </form>
      <p className="utrecht-paragraph">
        <TextLink to="/inloggen">{t('forgotPassword.backToLogin')}</TextLink>
      </p>
    </Page>
  );
}

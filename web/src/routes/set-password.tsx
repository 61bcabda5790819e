import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SubmitButton } from '../components/form-fields.tsx';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { mismatch, PasswordFields } from '../components/password-fields.tsx';
import { usePasswordReset } from '../features/session/data.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../lib/form.ts';
import { hashParam } from '../lib/redirect.ts';
import { rootRoute } from './root.tsx';

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/wachtwoord-instellen',
  component: SetPasswordPage,
  staticData: { crumb: ({ t }) => t('setPassword.title') },
});

type Field = 'password' | 'passwordRepeat';

function SetPasswordPage() {
  const { t } = useTranslation();
  // Read once: the token sits in the fragment, which browsers never send to the server.
  const [token] = useState(() => hashParam(window.location.hash, 'token'));
  const reset = usePasswordReset();
  const form = useForm<Field>({ password: '', passwordRepeat: '' });
  const specs: FieldSpecs<Field> = {
    password: { id: 'reset-password', label: t('fields.newPassword'), password: true },
    passwordRepeat: { id: 'reset-password-repeat', label: t('fields.repeatPassword') },
  };
  const errors = form.errors(specs, reset.error, t);
  const tokenInvalid = isApiProblem(reset.error) && reset.error.code === 'token_invalid';

  if (!token) {
    return (
      <Page title={t('setPassword.title')}>
        <Alert type="error">
          <p className="utrecht-paragraph">{t('setPassword.noToken')}</p>
        </Alert>
        <p className="utrecht-paragraph">
          <TextLink to="/wachtwoord-vergeten">{t('setPassword.requestNew')}</TextLink>
        </p>
      </Page>
    );
  }

  if (reset.isSuccess) {
    return (
      <Page title={t('setPassword.title')}>
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('setPassword.done')}</p>
        </Alert>
        <p className="utrecht-paragraph">
          <TextLink to="/inloggen">{t('setPassword.login')}</TextLink>
        </p>
      </Page>
    );
  }

  const submit = form.onSubmit(
    (values) => {
      const codes = requiredCodes(values, ['password', 'passwordRepeat']);
      const repeat = mismatch(values.password, values.passwordRepeat);
      return repeat ? { ...codes, passwordRepeat: repeat } : codes;
    },
    (values) => reset.mutate({ token, password: values.password }),
  );

  return (
    <Page title={t('setPassword.title')} lead={t('setPassword.lead')}>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      {tokenInvalid ? (
        <p className="utrecht-paragraph">
          <TextLink to="/wachtwoord-vergeten">{t('setPassword.requestNew')}</TextLink>
        </p>
      ) : null}
      <form className="wd-form" noValidate onSubmit={submit}>
        <PasswordFields
          password={specs.password}
          repeat={specs.passwordRepeat}
          errors={{ password: errors.fields.password, repeat: errors.fields.passwordRepeat }}
          passwordProps={form.field('password')}
          repeatProps={form.field('passwordRepeat')}
        />
        <SubmitButton pending={reset.isPending}>{t('setPassword.submit')}</SubmitButton>
      </form>
    </Page>
  );
}

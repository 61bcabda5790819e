import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SubmitButton, TextField } from '../components/form-fields.tsx';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { useLogin } from '../features/session/data.ts';
import { meQuery } from '../features/session/store.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../lib/form.ts';
import { safeRedirect } from '../lib/redirect.ts';
import { rootRoute } from './root.tsx';

interface LoginSearch {
  redirect?: string;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inloggen',
  validateSearch: (search: Record<string, unknown>): LoginSearch =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect) ?? '/', replace: true });
  },
  component: LoginPage,
  staticData: { crumb: ({ t }) => t('login.title') },
});

type Field = 'email' | 'password';

function LoginPage() {
  const { t } = useTranslation();
  const { redirect: target } = loginRoute.useSearch();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm<Field>({ email: '', password: '' });
  const specs: FieldSpecs<Field> = {
    email: { id: 'login-email', label: t('fields.email') },
    password: { id: 'login-password', label: t('fields.password') },
  };
  const errors = form.errors(specs, login.error, t);

  const submit = form.onSubmit(
    (values) => requiredCodes(values, ['email', 'password']),
    (values) =>
      login.mutate(
        { email: values.email.trim(), password: values.password },
        { onSuccess: () => void navigate({ href: safeRedirect(target) ?? '/', replace: true }) },
      ),
  );

  return (
    <Page title={t('login.title')}>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form className="wd-form" noValidate onSubmit={submit}>
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
        <TextField
          spec={specs.password}
          error={errors.fields.password}
          type="password"
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <SubmitButton pending={login.isPending}>{t('login.submit')}</SubmitButton>
      </form>
      <p className="utrecht-paragraph">
        <TextLink to="/wachtwoord-vergeten">{t('login.forgot')}</TextLink>
      </p>
    </Page>
  );
}

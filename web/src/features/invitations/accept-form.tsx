import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { InvitationLookup, Language } from '../../api/types.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { mismatch, PasswordFields } from '../../components/password-fields.tsx';
import { applyLanguage, currentLanguage, isLanguage } from '../../i18n/index.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { problemMessage } from '../../lib/problems.ts';
import { useAcceptInvitation } from './data.ts';
import { forgetInvitationToken } from './token.ts';

type Field = 'displayName' | 'password' | 'passwordRepeat' | 'language';

/** New account: name, password and language; on success the user is signed in. */
export function AcceptNewAccountForm({
  token,
  invitation,
}: {
  token: string;
  invitation: InvitationLookup;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const form = useForm<Field>({
    displayName: '',
    password: '',
    passwordRepeat: '',
    language: currentLanguage(),
  });
  const specs: FieldSpecs<Field> = {
    displayName: { id: 'accept-name', label: t('fields.displayName') },
    password: { id: 'accept-password', label: t('fields.choosePassword'), password: true },
    passwordRepeat: { id: 'accept-password-repeat', label: t('fields.repeatPassword') },
    language: { id: 'accept-language', label: t('fields.language') },
  };
  const errors = form.errors(specs, accept.error, t);

  const submit = form.onSubmit(
    (values) => {
      const codes = requiredCodes(values, ['displayName', 'password', 'passwordRepeat']);
      const repeat = mismatch(values.password, values.passwordRepeat);
      return repeat ? { ...codes, passwordRepeat: repeat } : codes;
    },
    (values) => {
      const language: Language = isLanguage(values.language) ? values.language : 'nl';
      accept.mutate(
        { token, displayName: values.displayName.trim(), password: values.password, language },
        {
          onSuccess: (me) => {
            forgetInvitationToken();
            applyLanguage(me.language);
            void navigate({ to: '/w/$slug', params: { slug: invitation.workspaceSlug } });
          },
        },
      );
    },
  );

  return (
    <>
      <h2 className="utrecht-heading-2">{t('invitation.newAccountTitle')}</h2>
      <p className="utrecht-paragraph">
        {t('invitation.newAccountLead', { email: invitation.email })}
      </p>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form className="wd-form" noValidate onSubmit={submit}>
        {/* Lets password managers store the new password under the invited address. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hidden
        />
        <TextField
          spec={specs.displayName}
          error={errors.fields.displayName}
          description={t('fields.displayNameHint')}
          autoComplete="name"
          required
          {...form.field('displayName')}
        />
        <PasswordFields
          password={specs.password}
          repeat={specs.passwordRepeat}
          errors={{ password: errors.fields.password, repeat: errors.fields.passwordRepeat }}
          passwordProps={form.field('password')}
          repeatProps={form.field('passwordRepeat')}
        />
        <SelectField
          spec={specs.language}
          error={errors.fields.language}
          options={[
            { value: 'nl', label: t('language.nl') },
            { value: 'en', label: t('language.en') },
          ]}
          {...form.field('language')}
        />
        <SubmitButton pending={accept.isPending}>{t('invitation.accept')}</SubmitButton>
      </form>
    </>
  );
}

/** Existing account, signed in: one button. */
export function AcceptExistingAccount({
  token,
  invitation,
  language,
}: {
  token: string;
  invitation: InvitationLookup;
  language: Language;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  return (
    <>
      {accept.isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(accept.error, t)}</p>
        </Alert>
      ) : null}
      <form
        className="wd-form"
        onSubmit={(event) => {
          event.preventDefault();
          accept.mutate(
            { token, language },
            {
              onSuccess: () => {
                forgetInvitationToken();
                void navigate({ to: '/w/$slug', params: { slug: invitation.workspaceSlug } });
              },
            },
          );
        }}
      >
        <SubmitButton pending={accept.isPending}>{t('invitation.accept')}</SubmitButton>
      </form>
    </>
  );
}

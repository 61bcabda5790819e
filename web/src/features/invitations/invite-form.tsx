import { useTranslation } from 'react-i18next';
import type { Language, Role } from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { currentLanguage, isLanguage } from '../../i18n/index.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { isRole, roleOptions } from '../workspaces/roles.ts';
import { useCreateInvitation } from './data.ts';

type Field = 'email' | 'role' | 'language';

export function InviteForm({
  slug,
  onInvited,
}: {
  slug: string;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateInvitation(slug);
  const form = useForm<Field>({ email: '', role: 'member', language: currentLanguage() });
  const specs: FieldSpecs<Field> = {
    email: { id: 'invite-email', label: t('fields.email') },
    role: { id: 'invite-role', label: t('fields.role') },
    language: { id: 'invite-language', label: t('invitations.language') },
  };
  const errors = form.errors(specs, create.error, t);

  const submit = form.onSubmit(
    (values) => requiredCodes(values, ['email']),
    (values) => {
      const role: Role = isRole(values.role) ? values.role : 'member';
      const language: Language = isLanguage(values.language) ? values.language : 'nl';
      const email = values.email.trim();
      create.mutate(
        { email, role, language },
        {
          onSuccess: () => {
            form.reset();
            onInvited(email);
          },
        },
      );
    },
  );

  return (
    <section aria-labelledby="invite-title">
      <h2 className="utrecht-heading-2" id="invite-title">
        {t('invitations.newTitle')}
      </h2>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form className="wd-form" noValidate onSubmit={submit}>
        <TextField
          spec={specs.email}
          error={errors.fields.email}
          description={t('invitations.emailHint')}
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          required
          {...form.field('email')}
        />
        <SelectField
          spec={specs.role}
          error={errors.fields.role}
          options={roleOptions(t)}
          {...form.field('role')}
        />
        <SelectField
          spec={specs.language}
          error={errors.fields.language}
          description={t('invitations.languageHint')}
          options={[
            { value: 'nl', label: t('language.nl') },
            { value: 'en', label: t('language.en') },
          ]}
          {...form.field('language')}
        />
        <SubmitButton pending={create.isPending}>{t('invitations.send')}</SubmitButton>
      </form>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types.ts';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { isLanguage } from '../../i18n/index.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { useUpdateProfile } from './data.ts';

type Field = 'displayName' | 'language';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const form = useForm<Field>({ displayName: me.displayName, language: me.language });
  const specs: FieldSpecs<Field> = {
    displayName: { id: 'profile-name', label: t('fields.displayName') },
    language: { id: 'profile-language', label: t('fields.language') },
  };
  const errors = form.errors(specs, update.error, t);

  const submit = form.onSubmit(
    (values) => requiredCodes(values, ['displayName']),
    (values) =>
      update.mutate({
        displayName: values.displayName.trim(),
        language: isLanguage(values.language) ? values.language : me.language,
      }),
  );

  return (
    <section aria-labelledby="profile-title">
      <h2 className="utrecht-heading-2" id="profile-title">
        {t('account.profileTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('account.email', { email: me.email })}</p>
      <StatusMessage message={update.isSuccess ? t('account.profileSaved') : null} />
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form className="wd-form" noValidate onSubmit={submit}>
        <TextField
          spec={specs.displayName}
          error={errors.fields.displayName}
          description={t('fields.displayNameHint')}
          autoComplete="name"
          required
          {...form.field('displayName')}
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
        <SubmitButton pending={update.isPending}>{t('account.saveProfile')}</SubmitButton>
      </form>
    </section>
  );
}

import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { useCreateStudy } from './api.ts';

type Field = 'title' | 'description';

/** A new study (admins): title and description; opens the study's overview when created. */
export function StudyForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStudy(slug);
  const form = useForm<Field>({ title: '', description: '' });
  const specs: FieldSpecs<Field> = {
    title: { id: 'study-title', label: t('research.studies.fields.title') },
    description: { id: 'study-description', label: t('research.studies.fields.description') },
  };
  const errors = form.errors(specs, create.error, t);
  const submit = form.onSubmit(
    (v) => requiredCodes(v, ['title']),
    (v) =>
      create.mutate(
        { title: v.title.trim(), description: v.description.trim() || null },
        {
          onSuccess: (study) =>
            void navigate({
              to: '/w/$slug/onderzoek/$studyId',
              params: { slug, studyId: study.id },
            }),
        },
      ),
  );
  return (
    <form className="wd-form" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <TextField spec={specs.title} error={errors.fields.title} {...form.field('title')} required />
      <TextAreaField
        spec={specs.description}
        error={errors.fields.description}
        description={t('research.studies.fields.descriptionHint')}
        value={form.values.description}
        onChange={(e) => form.setValues((c) => ({ ...c, description: e.target.value }))}
      />
      <SubmitButton pending={create.isPending || create.isSuccess}>
        {t('research.studies.create')}
      </SubmitButton>
    </form>
  );
}

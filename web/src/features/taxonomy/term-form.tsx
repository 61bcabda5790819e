import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { kindLabel } from './labels.ts';
import { termKinds, useCreateTerm, type TermKind } from './data.ts';

type Field = 'kind' | 'labelNl' | 'labelEn';

/** A taken Dutch label (the slug is made from it) is a field error, not a general one. */
export function withDuplicate<F extends string>(
  errors: FormErrors<F>,
  error: unknown,
  field: NoInfer<F>,
  t: TFunction,
): FormErrors<F> {
  if (!isApiProblem(error) || error.code !== 'term_exists') return errors;
  return { fields: { ...errors.fields, [field]: t('areas.taxonomy.duplicate') }, general: null };
}

export function TermForm({ slug, onAdded }: { slug: string; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateTerm(slug);
  const form = useForm<Field>({ kind: 'domain', labelNl: '', labelEn: '' });
  const specs: FieldSpecs<Field> = {
    kind: { id: 'term-kind', label: t('areas.taxonomy.kind') },
    labelNl: { id: 'term-label-nl', label: t('areas.taxonomy.labelNl') },
    labelEn: { id: 'term-label-en', label: t('areas.taxonomy.labelEn') },
  };
  const errors = withDuplicate(form.errors(specs, create.error, t), create.error, 'labelNl', t);
  return (
    <section className="wd-section" aria-labelledby="term-form-title">
      <h2 className="utrecht-heading-2" id="term-form-title">
        {t('areas.taxonomy.addTitle')}
      </h2>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={form.onSubmit(
          (values) => requiredCodes(values, ['labelNl', 'labelEn']),
          (values) =>
            create.mutate(
              {
                kind: values.kind as TermKind,
                labelNl: values.labelNl.trim(),
                labelEn: values.labelEn.trim(),
              },
              {
                onSuccess: (term) => {
                  form.setValues((current) => ({ ...current, labelNl: '', labelEn: '' }));
                  onAdded(term.labelNl);
                },
              },
            ),
        )}
      >
        <SelectField
          spec={specs.kind}
          error={errors.fields.kind}
          options={termKinds.map((kind) => ({ value: kind, label: kindLabel(kind, t) }))}
          {...form.field('kind')}
        />
        <TextField
          spec={specs.labelNl}
          error={errors.fields.labelNl}
          description={t('areas.taxonomy.labelNlHint')}
          autoComplete="off"
          lang="nl"
          required
          {...form.field('labelNl')}
        />
        <TextField
          spec={specs.labelEn}
          error={errors.fields.labelEn}
          autoComplete="off"
          lang="en"
          required
          {...form.field('labelEn')}
        />
        <SubmitButton pending={create.isPending}>{t('areas.taxonomy.add')}</SubmitButton>
      </form>
    </section>
  );
}

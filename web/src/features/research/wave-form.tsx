import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { RadioGroup } from '../surveys/radio-group.tsx';
import type { Wave, WaveInput } from './types.ts';

type Field = 'title' | 'description' | 'startsOn' | 'endsOn' | 'source';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A wave's title, description and period; a new wave also chooses its source: run on the
 * platform with emailed links, or an earlier wave imported from a file.
 */
export function WaveForm({
  wave,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  wave?: Wave;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: WaveInput) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Field>({
    title: wave?.title ?? '',
    description: wave?.description ?? '',
    startsOn: wave?.startsOn ?? today(),
    endsOn: wave?.endsOn ?? '',
    source: wave?.source ?? 'platform',
  });
  const prefix = wave ? 'wave-edit' : 'wave-new';
  const specs: FieldSpecs<Field> = {
    title: { id: `${prefix}-title`, label: t('research.waves.fields.title') },
    description: { id: `${prefix}-description`, label: t('research.waves.fields.description') },
    startsOn: { id: `${prefix}-starts`, label: t('research.waves.fields.startsOn') },
    endsOn: { id: `${prefix}-ends`, label: t('research.waves.fields.endsOn') },
    source: { id: `${prefix}-source`, label: t('research.waves.fields.source') },
  };
  const errors = form.errors(specs, error, t);
  const submit = form.onSubmit(
    (v) => {
      const codes: Partial<Record<Field, string>> = requiredCodes(v, ['title', 'startsOn']);
      if (v.endsOn && v.startsOn && v.endsOn < v.startsOn) codes.endsOn = 'end_before_start';
      return codes;
    },
    (v) =>
      onSubmit({
        title: v.title.trim(),
        description: v.description.trim() || null,
        startsOn: v.startsOn,
        endsOn: v.endsOn || null,
        ...(wave ? {} : { source: v.source === 'import' ? 'import' : 'platform' }),
      }),
  );
  return (
    <form className="wd-form" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <TextField spec={specs.title} error={errors.fields.title} {...form.field('title')} required />
      <TextAreaField
        spec={specs.description}
        error={errors.fields.description}
        value={form.values.description}
        onChange={(e) => form.setValues((c) => ({ ...c, description: e.target.value }))}
      />
      <TextField
        spec={specs.startsOn}
        type="date"
        error={errors.fields.startsOn}
        {...form.field('startsOn')}
        required
      />
      <TextField
        spec={specs.endsOn}
        type="date"
        description={t('research.waves.fields.endsOnHint')}
        error={errors.fields.endsOn}
        {...form.field('endsOn')}
      />
      {wave ? null : (
        <RadioGroup
          id={specs.source.id}
          legend={specs.source.label}
          description={t('research.waves.fields.sourceHint')}
          options={[
            { value: 'platform', label: t('research.waveSource.platform') },
            { value: 'import', label: t('research.waveSource.import') },
          ]}
          value={form.values.source}
          onChange={(v) => form.setValues((c) => ({ ...c, source: v }))}
        />
      )}
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useForm, type FieldSpecs, type Values } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { useFileCheckIn } from './data.ts';
import { checkInErrors } from './errors.ts';
import { ScoreField, scoreFieldId } from './score-field.tsx';
import { BACKDATE_DAYS, scoreKeys, type ScoreKey } from './types.ts';

type Field = 'date' | ScoreKey | 'developmentWishes' | 'note';
type Codes = Partial<Record<Field, string>>;

/**
 * Today as the server counts it (UTC): a date the server would call "tomorrow" is refused, so the
 * default and the limits follow its calendar.
 */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 86_400_000));

/** A short check-in: three scores, two optional texts and the day it is about (today). */
export function CheckInForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const file = useFileCheckIn(slug);
  const today = daysAgo(0);
  const form = useForm<Field>({
    date: today,
    workload: '',
    energy: '',
    supportFelt: '',
    developmentWishes: '',
    note: '',
  });
  const [codes, setCodes] = useState<Codes | null>(null);
  const specs: FieldSpecs<Field> = {
    workload: { id: scoreFieldId('workload'), label: t('checkIns.score.workload.label') },
    energy: { id: scoreFieldId('energy'), label: t('checkIns.score.energy.label') },
    supportFelt: { id: scoreFieldId('supportFelt'), label: t('checkIns.score.supportFelt.label') },
    developmentWishes: { id: 'check-in-wishes', label: t('checkIns.form.developmentWishes') },
    note: { id: 'check-in-note', label: t('checkIns.form.note') },
    date: { id: 'check-in-date', label: t('checkIns.form.date') },
  };
  const errors = checkInErrors(codes, file.error, specs, t);
  const validate = (v: Values<Field>): Codes => {
    const found: Codes = {};
    if (!v.date) found.date = 'required';
    else if (v.date > today) found.date = 'future_date';
    else if (v.date < daysAgo(BACKDATE_DAYS)) found.date = 'too_old';
    for (const key of scoreKeys) if (!v[key]) found[key] = 'choose_score';
    setCodes(Object.keys(found).length ? found : null);
    return found;
  };
  const text = (name: 'developmentWishes' | 'note', max: number) => (
    <TextAreaField
      spec={specs[name]}
      error={errors.fields[name]}
      description={t(`checkIns.form.${name}Hint`)}
      rows={3}
      maxLength={max}
      value={form.values[name]}
      onChange={(e) => form.setValues((v) => ({ ...v, [name]: e.target.value }))}
    />
  );
  return (
    <section aria-labelledby="check-in-form-title">
      <h2 className="utrecht-heading-2" id="check-in-form-title">
        {t('checkIns.form.title')}
      </h2>
      <p className="utrecht-paragraph">{t('checkIns.form.intro')}</p>
      <StatusMessage message={file.isSuccess ? t('checkIns.form.saved') : null} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={form.onSubmit(validate, (v) =>
          file.mutate(
            {
              date: v.date,
              workload: Number(v.workload),
              energy: Number(v.energy),
              supportFelt: Number(v.supportFelt),
              developmentWishes: v.developmentWishes.trim() || null,
              note: v.note.trim() || null,
            },
            { onSuccess: () => form.reset() },
          ),
        )}
      >
        <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
        {scoreKeys.map((key) => (
          <ScoreField
            key={key}
            score={key}
            value={form.values[key]}
            onChange={(value) => form.setValues((v) => ({ ...v, [key]: value }))}
            error={errors.fields[key]}
          />
        ))}
        {text('developmentWishes', 2000)}
        {text('note', 4000)}
        <TextField
          spec={specs.date}
          type="date"
          {...form.field('date')}
          min={daysAgo(BACKDATE_DAYS)}
          max={today}
          error={errors.fields.date}
          description={t('checkIns.form.dateHint', { days: BACKDATE_DAYS })}
        />
        <SubmitButton pending={file.isPending}>{t('checkIns.form.submit')}</SubmitButton>
      </form>
    </section>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton } from '../../components/form-fields.tsx';
import { useForm, type FieldSpecs } from '../../lib/form.ts';
import { checkInSettingsQuery, useSaveCheckInSettings } from './data.ts';
import { checkInErrors } from './errors.ts';
import { useCheckInFormat } from './format.ts';
import { reminderIntervals, type ReminderInterval } from './types.ts';

type Field = 'reminderInterval' | 'language';

/** Reminder emails: how often (or never) and in which language, with when the next one comes. */
export function ReminderSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useCheckInFormat();
  const { data } = useSuspenseQuery(checkInSettingsQuery(slug));
  const save = useSaveCheckInSettings(slug);
  const form = useForm<Field>({
    reminderInterval: data.reminderInterval,
    language: data.language,
  });
  const specs: FieldSpecs<Field> = {
    reminderInterval: { id: 'check-in-interval', label: t('checkIns.reminders.interval') },
    language: { id: 'check-in-language', label: t('checkIns.reminders.language') },
  };
  const errors = checkInErrors(null, save.error, specs, t);
  return (
    <section aria-labelledby="check-in-reminders-title" className="wd-section">
      <h2 className="utrecht-heading-2" id="check-in-reminders-title">
        {t('checkIns.reminders.title')}
      </h2>
      <p className="utrecht-paragraph">{t('checkIns.reminders.lead')}</p>
      <p className="utrecht-paragraph">
        {data.lastCheckInOn
          ? t('checkIns.reminders.last', { date: format.date(data.lastCheckInOn) })
          : t('checkIns.reminders.noLast')}{' '}
        {data.nextReminderOn
          ? t('checkIns.reminders.next', { date: format.date(data.nextReminderOn) })
          : t('checkIns.reminders.off')}
      </p>
      <StatusMessage message={save.isSuccess ? t('checkIns.reminders.saved') : null} />
      <form
        className="wd-form"
        noValidate
        onSubmit={form.onSubmit(
          () => ({}),
          (v) =>
            save.mutate({
              reminderInterval: v.reminderInterval as ReminderInterval,
              language: v.language === 'en' ? 'en' : 'nl',
            }),
        )}
      >
        <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
        <SelectField
          spec={specs.reminderInterval}
          {...form.field('reminderInterval')}
          error={errors.fields.reminderInterval}
          options={reminderIntervals.map((i) => ({
            value: i,
            label: t(`checkIns.reminders.intervals.${i}`),
          }))}
        />
        <SelectField
          spec={specs.language}
          {...form.field('language')}
          error={errors.fields.language}
          options={[
            { value: 'nl', label: t('language.nl') },
            { value: 'en', label: t('language.en') },
          ]}
        />
        <SubmitButton pending={save.isPending} variant="secondary">
          {t('checkIns.reminders.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}

import { useTranslation } from 'react-i18next';

/** Hours per week in the active language ("2,5 uur per week"), or a dash when not recorded. */
export function useHours() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (hours: number | null): string =>
    hours === null
      ? t('activities.notRecorded')
      : t('activities.hoursPerWeek', { count: hours, hours: number.format(hours) });
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/**
 * Dates of check-ins ("3 maart 2026"), short ones for chart axes ("3 mrt 2026"), and a period code of the
 * aggregates ("2026-03" → "maart 2026", "2026-Q1" → "1e kwartaal 2026", "2026").
 * ISO days are calendar days, so they are formatted in UTC (no shift to the day before).
 */
export function useCheckInFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? locales.en : locales.nl;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return {
      day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
      date: (iso: string) => long.format(new Date(`${iso}T00:00:00Z`)),
      period: (code: string) => {
        const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
        if (quarter) return t('checkIns.aggregates.quarter', { year: quarter[1], q: quarter[2] });
        if (/^\d{4}-\d{2}$/.test(code)) return month.format(new Date(`${code}-01T00:00:00Z`));
        return code;
      },
    };
  }, [locale, t]);
}

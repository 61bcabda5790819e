import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/**
 * Date and time formatters for ISO 8601 UTC timestamps, in the active language and the local time
 * zone, and a number with at most one decimal ("18,5").
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? locales.en : locales.nl;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      number: (n: number) => number.format(n),
      date: (iso: string) => date.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
    };
  }, [locale]);
}

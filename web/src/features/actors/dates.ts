import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today as `YYYY-MM-DD` in the viewer's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Calendar dates (`YYYY-MM-DD`) in the active language. They are days, not instants, so they are
 * formatted in UTC: the day never shifts with the viewer's time zone.
 */
export function useDates() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const date = (iso: string) =>
      isIsoDate(iso) ? long.format(new Date(`${iso}T00:00:00Z`)) : iso;
    return {
      date,
      period: (start?: string | null, end?: string | null) => period(start, end, date, t),
    };
  }, [locale, t]);
}

function period(
  start: string | null | undefined,
  end: string | null | undefined,
  date: (iso: string) => string,
  t: TFunction,
): string | null {
  if (start && end) return t('actors.period.fromTo', { start: date(start), end: date(end) });
  if (start) return t('actors.period.since', { start: date(start) });
  if (end) return t('actors.period.until', { end: date(end) });
  return null;
}

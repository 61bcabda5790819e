import { useTranslation } from 'react-i18next';

/** A response rate (0–1) as a whole percentage in the page's language; a dash without members. */
export function useRate() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  return (rate: number | null) => (rate === null ? '–' : format.format(rate));
}

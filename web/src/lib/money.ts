import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// Money travels as whole euro cents (numbers, or decimal strings for large totals) and is never
// turned into a float: parsing works on the digits, formatting hands Intl an exact decimal string.

/** Euro cents (a whole number or a string of digits) as the exact decimal string "1234.56". */
export function centsToDecimal(cents: number | string): string {
  const digits = String(cents);
  const negative = digits.startsWith('-');
  const abs = (negative ? digits.slice(1) : digits).padStart(3, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/**
 * An amount typed in euros ("1.250", "1.250,50", "1250.5", "€ 12") as whole cents, or null when it
 * is not a positive amount with at most two decimals. The last separator followed by one or two
 * digits is the decimal one; other separators must group thousands.
 */
export function parseEuros(input: string): number | null {
  const s = input.replace(/[\s\u00a0€]/g, '');
  const m = /^(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const [, whole = '', group, decimal, fraction = ''] = m;
  if (group && decimal && group === decimal) return null;
  const cents = `${whole.replace(/[.,]/g, '')}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (cents.length > 15) return null;
  const n = Number(cents);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Whole cents as the plain text a form field shows back ("1250,50" in Dutch). */
export function centsToInput(cents: number, language: string): string {
  const decimal = centsToDecimal(cents);
  return language === 'en' ? decimal : decimal.replace('.', ',');
}

/** Formats euro cents in the active language's currency format ("€ 1.250,00"). */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  return useMemo(() => {
    const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    return (cents: number | string) =>
      euro.format(centsToDecimal(cents) as Intl.StringNumericLiteral);
  }, [locale]);
}

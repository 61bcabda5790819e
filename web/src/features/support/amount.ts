import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { centsToInput, parseEuros, useMoney } from '../../lib/money.ts';
import type { Unit } from './types.ts';

/** An amount in its unit: "€ 250,00", "4 uur", "2 eenheden". */
export function useAmount() {
  const { t } = useTranslation();
  const money = useMoney();
  return (amount: number, unit: Unit) =>
    unit === 'cents'
      ? money(amount)
      : t(unit === 'hours' ? 'support.amount.hours' : 'support.amount.units', { count: amount });
}

/** "€ 250,00 per maand". */
export function usePerMonth() {
  const { t } = useTranslation();
  const amount = useAmount();
  return (value: number, unit: Unit) =>
    t('support.amount.perMonth', { amount: amount(value, unit) });
}

/** The label of an amount field: euros for money, hours or units otherwise. */
export const amountLabel = (t: TFunction, unit: Unit, what: 'capacity' | 'amount' | 'delivered') =>
  t(`support.amount.label.${what}.${unit}`);

/** A typed amount as a whole number in the unit (cents for money), or null when invalid. */
export function parseAmount(input: string, unit: Unit): number | null {
  if (unit === 'cents') return parseEuros(input);
  const s = input.trim();
  if (!/^\d{1,9}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/** A stored amount as the text of its form field. */
export const amountInput = (value: number, unit: Unit, language: string) =>
  unit === 'cents' ? centsToInput(value, language) : String(value);

/** "1 januari 2027 – 31 december 2029", or "vanaf 1 januari 2027" when open-ended. */
export function usePeriod() {
  const { t } = useTranslation();
  return (format: { date: (iso: string) => string }, start: string, end: string | null) =>
    end
      ? t('support.period.between', { start: format.date(start), end: format.date(end) })
      : t('support.period.from', { start: format.date(start) });
}

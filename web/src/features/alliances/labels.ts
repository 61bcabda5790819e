import type { TFunction } from 'i18next';
import type { PartyKind } from './types.ts';

/** "drager", "kleine organisatie", "grote organisatie". */
export const partyKindLabel = (kind: PartyKind, t: TFunction) => t(`alliances.partyKind.${kind}`);

/** Today as YYYY-MM-DD (local date). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The current quarter, "2026-Q4". */
export function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** Whole number ≥ 0 typed in a field, or null. */
export function parseCount(input: string): number | null {
  const s = input.trim();
  if (!/^\d{1,7}$/.test(s)) return null;
  const n = Number(s);
  return n <= 1_000_000 ? n : null;
}

export const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

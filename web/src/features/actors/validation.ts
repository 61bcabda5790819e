import { isIsoDate, today } from './dates.ts';
import type { Codes } from './form-errors.ts';

/** Client checks shared by the actor forms; the server checks the same and has the last word. */

/** Text limits, as in server/src/modules/actors/schema.ts. */
export const limits = {
  name: 200,
  carries: 2000,
  bio: 4000,
  email: 254,
  website: 500,
  note: 500,
  textVersion: 40,
} as const;

/** As the server: digits, spaces, + - ( ), 6 to 40 characters. */
export const PHONE = /^\+?[0-9][0-9 ()-]{4,38}$/;
/** As the server: an http(s) address with a dot in the host. */
export const WEBSITE = /^https?:\/\/[^\s/?#]+\.[^\s]*$/i;
export const KVK = /^\d{8}$/;

export function checkPhone(codes: Codes, pointer: string, value: string): void {
  const trimmed = value.trim();
  if (trimmed && !PHONE.test(trimmed)) codes[pointer] = 'invalid_format';
}

export function checkText(
  codes: Codes,
  pointer: string,
  value: string,
  max: number,
  required = false,
): void {
  const trimmed = value.trim();
  if (required && !trimmed) codes[pointer] = 'required';
  else if (trimmed.length > max) codes[pointer] = 'too_big';
}

export function checkEmail(codes: Codes, pointer: string, value: string): void {
  const trimmed = value.trim();
  if (!trimmed) return;
  if (trimmed.length > limits.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
    codes[pointer] = 'invalid_format';
  }
}

/** An optional period: both ends real dates, and the end not before the start. */
export function checkPeriod(
  codes: Codes,
  pointers: { start: string; end: string },
  start: string,
  end: string,
): void {
  if (start && !isIsoDate(start)) codes[pointers.start] = 'invalid_format';
  if (end && !isIsoDate(end)) codes[pointers.end] = 'invalid_format';
  if (start && end && isIsoDate(start) && isIsoDate(end) && end < start) {
    codes[pointers.end] = 'end_before_start';
  }
}

/** A date that must be given, real and not in the future (consent cannot be given tomorrow). */
export function checkPastDate(codes: Codes, pointer: string, value: string): void {
  if (!value) codes[pointer] = 'required';
  else if (!isIsoDate(value)) codes[pointer] = 'invalid_format';
  else if (value > today()) codes[pointer] = 'future_date';
}

/** `null` for an empty text, the trimmed text otherwise. */
export const orNull = (value: string): string | null => value.trim() || null;

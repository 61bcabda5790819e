import { dictionary } from '@zxcvbn-ts/language-common';
import { fieldError, type FieldError } from '../http/problem.ts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// A few Dutch favourites that the English-centred list misses.
const dutch = [
  'wachtwoord',
  'wachtwoord1',
  'wachtwoord12',
  'wachtwoord123',
  'wachtwoord1234',
  'welkom',
  'welkom123',
  'welkom123456',
  'welkomwelkom',
  'geheim123456',
  'amsterdam123',
  'rotterdam123',
  'nederland123',
  'wijkdragers',
  'wijkdragers1',
  'wijkdragers123',
];

const common = new Set<string>(
  [...(dictionary['passwords-common'] as string[]), ...dutch].map((p) => p.toLowerCase()),
);

/** Returns every reason a new password is refused (empty when acceptable). */
export function checkPassword(
  password: string,
  pointer = '/password',
  email?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const chars = [...password].length;
  if (chars < MIN_PASSWORD_LENGTH) {
    errors.push(
      fieldError(pointer, 'too_short', `Use at least ${MIN_PASSWORD_LENGTH} characters.`),
    );
  }
  if (chars > MAX_PASSWORD_LENGTH) {
    errors.push(fieldError(pointer, 'too_long', `Use at most ${MAX_PASSWORD_LENGTH} characters.`));
  }
  const lower = password.toLowerCase();
  if (
    common.has(lower) ||
    /^(.)\1+$/u.test(password) ||
    (email !== undefined && lower === email.toLowerCase())
  ) {
    errors.push(
      fieldError(
        pointer,
        'password_too_common',
        'This password is too common or too easy to guess.',
      ),
    );
  }
  return errors;
}

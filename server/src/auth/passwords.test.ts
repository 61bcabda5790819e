import { describe, expect, it } from 'vitest';
import { checkPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

const codes = (password: string, email?: string) =>
  checkPassword(password, '/password', email).map((e) => e.code);

describe('password rules', () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('correct horse battery staple')).toEqual([]);
    expect(checkPassword('x'.repeat(MIN_PASSWORD_LENGTH - 1) + 'y')).toEqual([]);
  });

  it('refuses short, overlong, common, repeated and email-equal passwords, naming every reason', () => {
    expect(codes('kort1234567')).toEqual(['too_short']);
    expect(codes('a'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual(['too_long', 'password_too_common']);
    expect(codes('password1234')).toEqual(['password_too_common']);
    expect(codes('Wachtwoord123')).toEqual(['password_too_common']);
    expect(codes('welkom123')).toEqual(['too_short', 'password_too_common']);
    expect(codes('zzzzzzzzzzzzzzz')).toEqual(['password_too_common']);
    expect(codes('Anna.deVries@example.org', 'anna.devries@example.org')).toEqual([
      'password_too_common',
    ]);
  });

  it('counts characters, not bytes, and points at the given field', () => {
    expect(codes('ééééééééééé')).toContain('too_short'); // 11 characters, 22 bytes
    expect(checkPassword('kort', '/newPassword')[0]).toMatchObject({
      pointer: '/newPassword',
      location: 'body',
    });
  });
});

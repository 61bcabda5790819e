import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hmac,
  newId,
  newToken,
  safeEqual,
  sha256,
  verifyPassword,
} from './crypto.ts';

describe('crypto helpers', () => {
  it('makes random URL-safe tokens of 256 bits and v4 UUIDs', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(newId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('hashes with SHA-256 and keyed HMAC', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hmac('k', 'v')).not.toBe(hmac('k2', 'v'));
    expect(hmac('k', 'v')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compares in constant time and refuses different lengths', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });

  it('stores passwords with argon2id at the OWASP baseline and verifies them', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const params = /^\$argon2id\$v=19\$([^$]+)\$/.exec(hash)?.[1]?.split(',').sort();
    expect(params).toEqual(['m=19456', 'p=1', 't=2']);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});

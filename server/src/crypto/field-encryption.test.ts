import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFieldKeys, type FieldKey } from '../config.ts';
import { decryptField, encryptField, FieldDecryptionError } from './field-encryption.ts';

const key = (id: string): FieldKey => ({ id, key: randomBytes(32) });
const at = { table: 'research_participants', column: 'name_enc', rowId: 'row-1' };

describe('field encryption (AES-256-GCM)', () => {
  const keys = [key('v1')];

  it('round-trips any text, with a fresh IV each time and the key id as prefix', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const a = encryptField(keys, at, text);
        expect(a.startsWith('v1:')).toBe(true);
        expect(decryptField(keys, at, a)).toBe(text);
      }),
    );
    const once = encryptField(keys, at, 'Marieke de Vries');
    expect(encryptField(keys, at, 'Marieke de Vries')).not.toBe(once);
    expect(once).not.toContain('Marieke');
    // format byte 1, 12-byte IV, ciphertext of 16 bytes, 16-byte tag
    expect(Buffer.from(once.slice(3), 'base64url')).toHaveLength(1 + 12 + 16 + 16);
  });

  it('detects tampering with any byte of the payload', () => {
    const stored = encryptField(keys, at, 'bijzondere gegevens');
    const payload = Buffer.from(stored.slice(3), 'base64url');
    for (let i = 0; i < payload.length; i++) {
      const bad = Buffer.from(payload);
      bad[i] = bad[i]! ^ 0x01;
      expect(() => decryptField(keys, at, `v1:${bad.toString('base64url')}`)).toThrow(
        FieldDecryptionError,
      );
    }
    expect(() => decryptField(keys, at, 'v1:AAAA')).toThrow(FieldDecryptionError);
    expect(() => decryptField(keys, at, 'geen-prefix')).toThrow(FieldDecryptionError);
  });

  it('fails with other associated data: another row, column or table', () => {
    const stored = encryptField(keys, at, 'verplaatst');
    for (const other of [
      { ...at, rowId: 'row-2' },
      { ...at, column: 'email_enc' },
      { ...at, table: 'research_consent_events' },
    ]) {
      expect(() => decryptField(keys, other, stored)).toThrow(FieldDecryptionError);
    }
  });

  it('fails with the wrong key, and under a relabelled key id', () => {
    const stored = encryptField(keys, at, 'geheim');
    expect(() => decryptField([key('v1')], at, stored)).toThrow(FieldDecryptionError);
    expect(() => decryptField(keys, at, `v2${stored.slice(2)}`)).toThrow(/unknown key id v2/);
    const relabelled = [{ id: 'v2', key: keys[0]!.key }];
    expect(() => decryptField(relabelled, at, `v2${stored.slice(2)}`)).toThrow(
      FieldDecryptionError,
    );
  });

  it('rotates: the first key encrypts, older keys still decrypt their values', () => {
    const old = encryptField(keys, at, 'oud');
    const ring = [key('v2'), keys[0]!];
    const fresh = encryptField(ring, at, 'nieuw');
    expect(fresh.startsWith('v2:')).toBe(true);
    expect(decryptField(ring, at, old)).toBe('oud');
    expect(decryptField(ring, at, fresh)).toBe('nieuw');
    expect(() => decryptField(keys, at, fresh)).toThrow(/unknown key id v2/);
  });

  it('reads FIELD_ENCRYPTION_KEY as base64, hex or a key ring, and refuses other lengths', () => {
    const raw = randomBytes(32);
    expect(parseFieldKeys(raw.toString('base64'))).toEqual([{ id: 'v1', key: raw }]);
    expect(parseFieldKeys(raw.toString('hex'))).toEqual([{ id: 'v1', key: raw }]);
    const old = randomBytes(32);
    expect(parseFieldKeys(`v2:${raw.toString('base64url')}, v1:${old.toString('hex')}`)).toEqual([
      { id: 'v2', key: raw },
      { id: 'v1', key: old },
    ]);
    expect(parseFieldKeys(randomBytes(16).toString('base64'))).toBeNull();
    expect(parseFieldKeys(randomBytes(31).toString('hex'))).toBeNull();
    expect(parseFieldKeys(`v1:${raw.toString('hex')},v1:${old.toString('hex')}`)).toBeNull();
    expect(parseFieldKeys(`${raw.toString('hex')},${old.toString('hex')}`)).toBeNull();
  });
});

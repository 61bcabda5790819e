import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldKey } from '../config.ts';

/**
 * Field encryption of special-category text (names and emails of external research participants,
 * consent notes): AES-256-GCM with a random 96-bit IV and a key that lives in the configuration,
 * never in the database (FIELD_ENCRYPTION_KEY). The associated data binds a ciphertext to its
 * table, column and row id, so a ciphertext copied into another row, column or table does not
 * decrypt.
 *
 * Stored form: `<keyId>:<base64url(format ‖ iv ‖ ciphertext ‖ tag)>`, e.g. `v1:AQ…`. The key id
 * says which configured key encrypted it (rotation: configure `v2:<new>,v1:<old>`, new values get
 * v2, old ones still decrypt with v1 until re-encrypted); the format byte (1 = AES-256-GCM,
 * 12-byte IV, 16-byte tag) is authenticated too, so a later format can be told apart.
 */

export const FORMAT_AES_256_GCM = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a value lives: its ciphertext decrypts only there. */
export interface FieldAddress {
  table: string;
  column: string;
  rowId: string;
}

export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`Field decryption failed: ${reason}`);
    this.name = 'FieldDecryptionError';
  }
}

const associatedData = (format: number, keyId: string, at: FieldAddress) =>
  Buffer.from(
    JSON.stringify(['wijkdragers-field', format, keyId, at.table, at.column, at.rowId]),
    'utf8',
  );

/** Encrypts with the first (current) key. */
export function encryptField(
  keys: readonly FieldKey[],
  at: FieldAddress,
  plaintext: string,
): string {
  const current = keys[0];
  if (!current) throw new Error('No field encryption key is configured.');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(FORMAT_AES_256_GCM, current.id, at));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const payload = Buffer.concat([Buffer.from([FORMAT_AES_256_GCM]), iv, body, cipher.getAuthTag()]);
  return `${current.id}:${payload.toString('base64url')}`;
}

/** Decrypts with the key its prefix names; any change to it, its key or its address fails. */
export function decryptField(keys: readonly FieldKey[], at: FieldAddress, stored: string): string {
  const colon = stored.indexOf(':');
  if (colon < 1) throw new FieldDecryptionError('no key id');
  const keyId = stored.slice(0, colon);
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new FieldDecryptionError(`unknown key id ${keyId}`);
  const payload = Buffer.from(stored.slice(colon + 1), 'base64url');
  if (payload.length < 1 + IV_BYTES + TAG_BYTES) throw new FieldDecryptionError('too short');
  const format = payload[0]!;
  if (format !== FORMAT_AES_256_GCM) throw new FieldDecryptionError(`unknown format ${format}`);
  const iv = payload.subarray(1, 1 + IV_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  const body = payload.subarray(1 + IV_BYTES, payload.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(format, keyId, at));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldDecryptionError('authentication failed (tampered, moved or wrong key)');
  }
}

/** Null stays null: optional fields are encrypted only when they hold text. */
export const encryptOptional = (keys: readonly FieldKey[], at: FieldAddress, v: string | null) =>
  v === null ? null : encryptField(keys, at, v);

export const decryptOptional = (keys: readonly FieldKey[], at: FieldAddress, v: string | null) =>
  v === null ? null : decryptField(keys, at, v);

import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Research pseudonyms. Each study has its own key, derived with HKDF-SHA-256 from
 * RESEARCH_PSEUDONYM_KEY (configuration, never in the database) with the study id as context, so
 * one person gets unrelated pseudonyms in two studies and a study's pseudonyms cannot be linked to
 * another's without the key. A participant's identity is `actor:<actor id>` for a platform
 * carrier or `external:<normalised email>`; its HMAC-SHA-256 under the study key, in RFC 4648
 * base32, gives the pseudonym `P-` + the first 10 characters (50 bits). The same identity always
 * gives the same pseudonym in the same study, across waves.
 *
 * Collisions: two identities of one study sharing 10 characters has a chance of about n²/2^51
 * (one in 4.5 million at 10,000 participants). Should it happen, the newer participant takes the
 * first 11 characters (then 12, …) of its own HMAC; the pseudonym is stored with the participant
 * and a participant is found again by its full HMAC, so nobody's pseudonym ever changes.
 */

export const PSEUDONYM_LENGTH = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function studyPseudonymKey(researchKey: string, studyId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', researchKey, 'wijkdragers-research-pseudonyms/v1', `study:${studyId}`, 32),
  );
}

/** Lower case, trimmed, Unicode NFC: the same address however it was typed. */
export const normaliseEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

export type ParticipantIdentity =
  { kind: 'actor'; actorId: string } | { kind: 'external'; email: string };

export const identityString = (id: ParticipantIdentity) =>
  id.kind === 'actor' ? `actor:${id.actorId}` : `external:${normaliseEmail(id.email)}`;

export function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The full keyed hash of an identity in a study (hex): how a participant is found again. */
export const identityHash = (studyKey: Buffer, identity: ParticipantIdentity) =>
  createHmac('sha256', studyKey).update(identityString(identity)).digest();

/** `P-` + the first `length` base32 characters of the identity's HMAC. */
export const pseudonymOf = (hash: Buffer, length = PSEUDONYM_LENGTH) =>
  `P-${base32(hash).slice(0, length)}`;

/** The shortest pseudonym of at least 10 characters that no other participant holds. */
export function freePseudonym(hash: Buffer, taken: (candidate: string) => boolean): string {
  const full = base32(hash).length;
  for (let n = PSEUDONYM_LENGTH; n <= full; n++) {
    const candidate = pseudonymOf(hash, n);
    if (!taken(candidate)) return candidate;
  }
  throw new Error('Every pseudonym length is taken: the identity hash is not unique.');
}

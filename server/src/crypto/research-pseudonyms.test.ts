import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base32,
  freePseudonym,
  identityHash,
  normaliseEmail,
  pseudonymOf,
  studyPseudonymKey,
} from './research-pseudonyms.ts';

const KEY = 'k'.repeat(40);

describe('research pseudonyms', () => {
  it('encodes base32 as RFC 4648 (test vectors)', () => {
    const vectors: [string, string][] = [
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [input, out] of vectors) expect(base32(Buffer.from(input))).toBe(out);
  });

  it('is stable per study and differs between studies and keys', () => {
    const id = { kind: 'actor', actorId: 'a1' } as const;
    const s1 = studyPseudonymKey(KEY, 'study-1');
    const p = pseudonymOf(identityHash(s1, id));
    expect(p).toMatch(/^P-[A-Z2-7]{10}$/);
    expect(pseudonymOf(identityHash(studyPseudonymKey(KEY, 'study-1'), id))).toBe(p);
    expect(pseudonymOf(identityHash(studyPseudonymKey(KEY, 'study-2'), id))).not.toBe(p);
    expect(pseudonymOf(identityHash(studyPseudonymKey('x'.repeat(40), 'study-1'), id))).not.toBe(p);
    expect(pseudonymOf(identityHash(s1, { kind: 'actor', actorId: 'a2' }))).not.toBe(p);
  });

  it('normalises email addresses before hashing', () => {
    const s = studyPseudonymKey(KEY, 'study-1');
    const a = identityHash(s, { kind: 'external', email: '  Ann.Jansen@Example.ORG ' });
    const b = identityHash(s, { kind: 'external', email: 'ann.jansen@example.org' });
    expect(a.equals(b)).toBe(true);
    expect(normaliseEmail('E\u0301@X.NL')).toBe('\u00e9@x.nl');
    // an actor and an external identity never share a hash input
    const actor = identityHash(s, { kind: 'actor', actorId: 'ann.jansen@example.org' });
    expect(actor.equals(a)).toBe(false);
  });

  it('on a collision takes one more character of its own hash', () => {
    const hash = createHash('sha256').update('x').digest();
    const ten = pseudonymOf(hash);
    expect(freePseudonym(hash, () => false)).toBe(ten);
    const taken = new Set([ten]);
    const next = freePseudonym(hash, (c) => taken.has(c));
    expect(next).toBe(pseudonymOf(hash, 11));
    expect(next.startsWith(ten)).toBe(true);
  });
});

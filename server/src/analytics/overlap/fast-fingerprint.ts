import type { OverlapCell, SizeKind } from './types.ts';

// The fast path's fingerprint (signals.ts): the digest of fingerprint.ts without building its text.

/** Char codes of the lowercase hex digits, as `toString(16)` writes them. */
const HEX_CODES = Int32Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Two 32-bit numbers as 16 hex digits (`hex(a) + hex(b)` of fingerprint.ts), one string. */
export function hex2(a: number, b: number): string {
  const d = HEX_CODES;
  return String.fromCharCode(
    d[(a >>> 28) & 15]!,
    d[(a >>> 24) & 15]!,
    d[(a >>> 20) & 15]!,
    d[(a >>> 16) & 15]!,
    d[(a >>> 12) & 15]!,
    d[(a >>> 8) & 15]!,
    d[(a >>> 4) & 15]!,
    d[a & 15]!,
    d[(b >>> 28) & 15]!,
    d[(b >>> 24) & 15]!,
    d[(b >>> 20) & 15]!,
    d[(b >>> 16) & 15]!,
    d[(b >>> 12) & 15]!,
    d[(b >>> 8) & 15]!,
    d[(b >>> 4) & 15]!,
    d[b & 15]!,
  );
}

/**
 * Exactly {@link fingerprintOf}'s digest: both FNV-1a hashes run over the parts of its text in
 * order (`v1`, the ids, the kinds, the cells, the tie types, the funder count, joined by line
 * breaks) without concatenating them first.
 */
export function fingerprintOfParts(
  actorIds: [string, string],
  kindA: SizeKind,
  kindB: SizeKind,
  cells: OverlapCell[],
  tieText: string,
  sharedFunders: number,
): string {
  const h = new Fnv();
  h.text('v1\n');
  h.text(actorIds[0]);
  h.char(10);
  h.text(actorIds[1]);
  h.char(10);
  h.text(kindA);
  h.char(10);
  h.text(kindB);
  h.char(10);
  if (cells.length === 1) cellText(h, cells[0]!);
  else {
    const texts = cells.map((c) => `${c.areaId}|${c.domainId}|${c.targetGroupIds.join(',')}`);
    texts.sort();
    for (let k = 0; k < texts.length; k++) {
      if (k > 0) h.char(59); // ';'
      h.text(texts[k]!);
    }
  }
  h.char(10);
  h.text(tieText);
  h.char(10);
  h.text(String(sharedFunders));
  return hex2(h.h1, h.h2);
}

function cellText(h: Fnv, c: OverlapCell): void {
  h.text(c.areaId);
  h.char(124); // '|'
  h.text(c.domainId);
  h.char(124);
  const groups = c.targetGroupIds;
  for (let k = 0; k < groups.length; k++) {
    if (k > 0) h.char(44); // ','
    h.text(groups[k]!);
  }
}

/** Two 32-bit FNV-1a hashes (seeds as in fingerprint.ts) fed one UTF-16 code unit at a time. */
export class Fnv {
  h1 = 0x811c9dc5 | 0;
  h2 = 0x01000193;
  /** Back to the seeds, to hash the next text with the same object. */
  reset(): void {
    this.h1 = 0x811c9dc5 | 0;
    this.h2 = 0x01000193;
  }
  char(ch: number): void {
    this.h1 = Math.imul(this.h1 ^ ch, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ ch, 0x01000193);
  }
  text(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x01000193);
    }
    this.h1 = h1;
    this.h2 = h2;
  }
}

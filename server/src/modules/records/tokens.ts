/**
 * Search normalisation, shared by indexing and querying: lower case, diacritics and ligatures
 * folded (NFKD, combining marks dropped: "Één" → "een", "ĳ" → "ij"), split on anything that is
 * not a letter or digit. Tokens are cut at 60 characters (the column width).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

export function tokenize(text: string): string[] {
  const out = new Set<string>();
  for (const word of normalise(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word) out.add(word.slice(0, 60));
  }
  return [...out];
}

/** Sort key: normalised text, so "Éénhoorn" sorts with "eenhoorn" on every dialect. */
export function sortKey(text: string): string {
  return normalise(text).trim().slice(0, 200);
}

/**
 * The smallest string greater than every string that starts with `prefix`, for an index range
 * `token >= prefix AND token < upper`. Increments the last code point rather than appending a
 * high character, so it works under any collation that orders these tokens by code point.
 * Returns null when no upper bound exists (then only `>=` applies).
 */
export function prefixUpperBound(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length) {
    const last = chars.pop()!;
    const code = last.codePointAt(0)!;
    if (code < 0x10ffff) return chars.join('') + String.fromCodePoint(code + 1);
  }
  return null;
}

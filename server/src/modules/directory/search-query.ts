import { normalise, prefixUpperBound, tokenize } from '../records/tokens.ts';

/** At most this many words per query: each word is one index range in the search. */
export const MAX_QUERY_WORDS = 8;

/** One query word as an index range over search_tokens: `token >= from AND token < to`. */
export interface PrefixRange {
  word: string;
  from: string;
  /** null when no upper bound exists (then only `>=` applies). */
  to: string | null;
}

export interface ParsedQuery {
  /** Every range must match (AND); empty when the query has no words. */
  ranges: PrefixRange[];
  /** Words found before de-duplication, to report a query with too many words. */
  wordCount: number;
}

/**
 * Parses the directory's `q` into prefix ranges, with the same normalisation as indexing (lower
 * case, diacritics folded, split on anything that is not a letter or digit): "Éen buurtmoe" →
 * ranges for "een" and "buurtmoe". A word that is a prefix of another query word adds nothing
 * (every token the longer word matches, the shorter matches too) and is dropped, so "buurt
 * buurtmoeders" costs one range.
 */
export function parseSearchQuery(q: string | undefined): ParsedQuery {
  const words = q === undefined ? [] : tokenize(q);
  const kept = words.filter((w) => !words.some((other) => other !== w && other.startsWith(w)));
  kept.sort();
  return {
    ranges: kept.map((word) => ({ word, from: word, to: prefixUpperBound(word) })),
    wordCount: words.length,
  };
}

/** True when `text` matches every word of the query as a word prefix (the SQL's semantics). */
export function matchesQuery(text: string, q: string): boolean {
  const tokens = tokenize(normalise(text));
  return parseSearchQuery(q).ranges.every((r) => tokens.some((t) => t.startsWith(r.word)));
}

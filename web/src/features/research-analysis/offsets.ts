// Pure text arithmetic for coding: offsets are UTF-16 code units into the plain transcript (or
// open answer), exactly as JavaScript strings index them and as the API stores segments.

export interface Span {
  start: number;
  end: number;
}

/** A run of the text with the segments that cover all of it (none: plain text). */
export interface Piece extends Span {
  text: string;
  segmentIds: string[];
}

/**
 * Cuts the text at every segment boundary, so each piece is covered by the same segments from
 * start to end. Segments outside the text are clipped; the pieces join to the text.
 */
export function piecesOf(text: string, segments: ReadonlyArray<Span & { id: string }>): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  const clipped = segments
    .map((s) => ({ id: s.id, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.start < s.end);
  for (const s of clipped) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    pieces.push({
      start,
      end,
      text: text.slice(start, end),
      segmentIds: clipped.filter((s) => s.start <= start && s.end >= end).map((s) => s.id),
    });
  }
  return pieces;
}

/**
 * Paragraphs: runs of text separated by one or more blank lines (as a converted .docx is), with
 * their offsets; surrounding whitespace is left out of each paragraph.
 */
export function paragraphsOf(text: string): Span[] {
  const spans: Span[] = [];
  const separator = /\r?\n[ \t]*\r?\n\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const trimmed = trimSpan(text, { start, end });
    if (trimmed) spans.push(trimmed);
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

const isSpace = (code: number) =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0;

/** The span without leading and trailing whitespace; null when nothing but whitespace is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(0, Math.min(end, text.length));
  if (end < start) [start, end] = [end, start];
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : null;
}

/** Checks a start/end typed into the form (0-based, end exclusive). */
export function spanError(span: Span, textLength: number): 'order' | 'range' | null {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return 'range';
  if (span.start < 0 || span.end > textLength) return 'range';
  if (span.start >= span.end) return 'order';
  return null;
}

/** A short quote of a span for lists and labels ("… eerste woorden …"). */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Do not cut a surrogate pair in half.
  let cut = max - 1;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}

/**
 * Bytes → text for import files, which must be UTF-8 (a UTF-8 byte-order mark is allowed).
 *
 * A UTF-16 or UTF-32 file (byte-order mark, or NUL bytes at the start) is refused outright. Any
 * other byte that is not UTF-8 (a Latin-1 or Windows-1252 "é", say) is recorded with its offset and
 * decoded as U+FFFD from there on, so the import can still name every feature whose text is
 * affected; the import then fails. Chunks are cut at character boundaries, so a character split
 * over two reads is decoded whole.
 */

export type EncodingProblem = { reason: 'invalid_encoding'; detail: string };

const hex = (b: number | undefined) => `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

/** A problem with the file's first bytes (UTF-16/32), or undefined when they may be UTF-8. */
export function sniffEncoding(head: Uint8Array): EncodingProblem | undefined {
  const [a, b, c, d] = head;
  const fail = (detail: string): EncodingProblem => ({ reason: 'invalid_encoding', detail });
  if (
    (a === 0xff && b === 0xfe && c === 0 && d === 0) ||
    (a === 0 && b === 0 && c === 0xfe && d === 0xff)
  )
    return fail('The file is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8.');
  if (a === 0xff && b === 0xfe)
    return fail('The file is UTF-16 (little-endian byte-order mark FF FE); save it as UTF-8.');
  if (a === 0xfe && b === 0xff)
    return fail('The file is UTF-16 (big-endian byte-order mark FE FF); save it as UTF-8.');
  if ([a, b, c, d].slice(0, head.length).includes(0))
    return fail(
      'The file starts with NUL bytes: it looks like UTF-16 or UTF-32; save it as UTF-8.',
    );
  return undefined;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (−1: all valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf) => {
    const v = bytes[i];
    return v !== undefined && v >= lo && v <= hi;
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b === 0xe0) len = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if (b === 0xed) len = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (b >= 0xe1 && b <= 0xef) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (b === 0xf0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b >= 0xf1 && b <= 0xf3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b === 0xf4) len = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/** Where to cut `bytes` so that no character is split: before an incomplete last sequence. */
function boundary(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  while (i >= 0 && bytes.length - i <= 3 && ((bytes[i] as number) & 0xc0) === 0x80) i--;
  if (i < 0) return bytes.length;
  const lead = bytes[i] as number;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > bytes.length - i ? i : bytes.length;
}

/** Decodes a stream of byte chunks; `invalidAt` is the offset of the first non-UTF-8 byte. */
export class Utf8Decoder {
  invalidAt: number | null = null;
  invalidByte = '';
  /** Bytes decoded so far (the offset of the next chunk's first byte, less any carry). */
  offset = 0;
  private carry: Uint8Array = new Uint8Array(0);
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  private first = true;

  /** Text of the chunk (with any carried bytes before it); `last` flushes what is carried. */
  decode(chunk: Uint8Array, last = false): string {
    let bytes = chunk;
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    const cut = last ? bytes.length : boundary(bytes);
    const piece = bytes.subarray(0, cut);
    this.carry = bytes.slice(cut);
    const start = this.offset;
    this.offset += piece.length;
    let text: string;
    if (this.invalidAt === null) {
      try {
        text = this.strict.decode(piece);
      } catch {
        const at = Math.max(0, firstInvalidUtf8(piece));
        this.invalidAt = start + at;
        this.invalidByte = hex(piece[at]);
        text = this.lenient.decode(piece);
      }
    } else {
      text = this.lenient.decode(piece);
    }
    // A UTF-8 byte-order mark may start the file (and only there).
    if (this.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.first = false;
    return text;
  }

  problem(): EncodingProblem | undefined {
    if (this.invalidAt === null) return undefined;
    return {
      reason: 'invalid_encoding',
      detail: `The file is not valid UTF-8: byte ${this.invalidAt} (${this.invalidByte}) is not part of a UTF-8 character (Latin-1 or Windows-1252?); save the file as UTF-8.`,
    };
  }
}

/** The name of the first property (or key) whose text shows undecodable bytes (U+FFFD). */
export function replacementCharacterIn(props: Record<string, unknown>): string | undefined {
  for (const key in props) {
    const v = props[key];
    if (key.includes('\uFFFD') || (typeof v === 'string' && v.includes('\uFFFD'))) return key;
  }
  return undefined;
}

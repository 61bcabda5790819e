import type { TranscriptFormat } from '../../db/types.ts';
import { readZipFile, ZipError } from './zip-read.ts';

// Interview transcripts as plain text. A .txt or .md file is kept as it is (UTF-8, byte order
// mark stripped, newlines normalised to \n); a .docx is converted: the text runs of each
// paragraph of word/document.xml, paragraphs separated by a blank line, tabs and line breaks
// kept. Pure functions; a file that cannot be read throws TranscriptError with the reason.

/** The most characters a transcript may hold (UTF-16 code units, what segment offsets count). */
export const MAX_TRANSCRIPT_CHARS = 500_000;
/** word/document.xml may inflate to at most this (a 500k-character text is far smaller). */
const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

export class TranscriptError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TranscriptError';
  }
}

/** Strips a leading byte order mark and turns \r\n and \r into \n. */
export const normaliseText = (text: string): string =>
  text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TranscriptError(`${what} is not UTF-8 text`);
  }
}

function plainText(bytes: Buffer): string {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    throw new TranscriptError('the file is a ZIP archive (a .docx?), not plain text');
  const text = normaliseText(decodeUtf8(bytes, 'the file'));
  if (text.includes('\u0000')) throw new TranscriptError('the file is binary, not plain text');
  return text;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** The text of a WordprocessingML body: w:t runs, w:tab, w:br/w:cr, one string per w:p. */
export function documentXmlToText(xml: string): string {
  if (!/<w:document[\s>]/.test(xml) || !/<w:body[\s>/]/.test(xml))
    throw new TranscriptError('word/document.xml is not a WordprocessingML document');
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  const tag =
    /<(\/?)([A-Za-z0-9_:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!\[CDATA\[|<[!?][^>]*>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (inText && current && m.index > last) current.push(decodeEntities(xml.slice(last, m.index)));
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (!name) continue;
    if (name === 'w:p') {
      if (closing) {
        if (current) paragraphs.push(current.join(''));
        current = null;
      } else if (selfClosing) paragraphs.push('');
      else current = [];
    } else if (name === 'w:t') inText = !closing && !selfClosing;
    else if (current && !closing && (name === 'w:tab' || name === 'w:ptab')) current.push('\t');
    else if (current && !closing && (name === 'w:br' || name === 'w:cr')) current.push('\n');
  }
  return paragraphs
    .map((p) => p.replace(/\r\n?/g, '\n').trimEnd())
    .filter((p) => p.trim() !== '')
    .join('\n\n');
}

function docxText(bytes: Buffer): string {
  let xml: Buffer | null;
  try {
    xml = readZipFile(bytes, 'word/document.xml', MAX_DOCUMENT_XML_BYTES);
  } catch (e) {
    if (e instanceof ZipError) throw new TranscriptError(`not a readable .docx: ${e.message}`);
    throw e;
  }
  if (!xml) throw new TranscriptError('not a Word document: word/document.xml is missing');
  return documentXmlToText(decodeUtf8(xml, 'word/document.xml').replace(/^\uFEFF/, ''));
}

/** The transcript text of an uploaded file, or a TranscriptError saying why it cannot be read. */
export function transcriptText(format: TranscriptFormat, bytes: Buffer): string {
  const text = format === 'docx' ? docxText(bytes) : plainText(bytes);
  if (text.length > MAX_TRANSCRIPT_CHARS)
    throw new TranscriptError(
      `the transcript has ${text.length} characters; at most ${MAX_TRANSCRIPT_CHARS} are allowed`,
    );
  return text;
}

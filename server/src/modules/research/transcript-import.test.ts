import { describe, expect, it } from 'vitest';
import { buildDocx, writeZip } from './test-zip.ts';
import {
  documentXmlToText,
  MAX_TRANSCRIPT_CHARS,
  normaliseText,
  TranscriptError,
  transcriptText,
} from './transcript-import.ts';
import { readZipEntries, readZipFile, ZipError } from './zip-read.ts';

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TranscriptError || e instanceof ZipError) return e.message;
    throw e;
  }
  throw new Error('expected an error');
};

describe('zip reader', () => {
  it('reads stored and deflated entries byte for byte', () => {
    const bin = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    const zip = writeZip([
      { name: 'a.txt', data: 'hallo '.repeat(100) },
      { name: 'dir/b.bin', data: bin, store: true },
    ]);
    expect(readZipEntries(zip).map((e) => [e.name, e.method])).toEqual([
      ['a.txt', 8],
      ['dir/b.bin', 0],
    ]);
    expect(readZipFile(zip, 'a.txt', 1000)!.toString()).toBe('hallo '.repeat(100));
    expect(readZipFile(zip, 'dir/b.bin', 1000)).toEqual(bin);
    expect(readZipFile(zip, 'missing', 1000)).toBeNull();
  });

  it('refuses what is not a zip, damaged data and entries larger than the cap', () => {
    expect(reasonOf(() => readZipEntries(Buffer.from('gewoon tekst, geen archief')))).toMatch(
      /not a ZIP archive/,
    );
    const zip = writeZip([{ name: 'a.txt', data: 'x'.repeat(5000) }]);
    expect(reasonOf(() => readZipFile(zip, 'a.txt', 100))).toBe('a.txt is too large');
    const stored = writeZip([{ name: 'a.txt', data: 'abcdef', store: true }]);
    const flipped = Buffer.from(stored);
    flipped[32 + 5] = flipped[32 + 5]! ^ 0xff;
    expect(reasonOf(() => readZipFile(flipped, 'a.txt', 100))).toBe('a.txt is damaged (checksum)');
    expect(reasonOf(() => readZipEntries(zip.subarray(0, zip.length - 30)))).toMatch(/ZIP/);
  });
});

describe('transcript import', () => {
  it('keeps txt and md as they are, without a BOM and with \\n newlines', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Regel één\r\nRegel twee\rDrie\n# Kop', 'utf8'),
    ]);
    expect(transcriptText('txt', bytes)).toBe('Regel één\nRegel twee\nDrie\n# Kop');
    expect(transcriptText('md', Buffer.from('**vet**\n'))).toBe('**vet**\n');
    expect(normaliseText('\uFEFFa\r\nb')).toBe('a\nb');
  });

  it('refuses text that is not UTF-8, binary, or a docx sent as txt', () => {
    expect(reasonOf(() => transcriptText('txt', Buffer.from([0x61, 0xff, 0xfe])))).toBe(
      'the file is not UTF-8 text',
    );
    expect(reasonOf(() => transcriptText('md', Buffer.from('a\u0000b')))).toBe(
      'the file is binary, not plain text',
    );
    expect(reasonOf(() => transcriptText('txt', buildDocx(['x'])))).toMatch(/ZIP archive/);
  });

  it('converts a real .docx to paragraphs separated by a blank line', () => {
    const docx = buildDocx([
      'Interview met P-1',
      'Ik zorg |voor mijn buurvrouw & haar <hond>.',
      '',
    ]);
    expect(transcriptText('docx', docx)).toBe(
      'Interview met P-1\n\nIk zorg voor mijn buurvrouw & haar <hond>.',
    );
  });

  it('keeps tabs and line breaks, ignores deleted text and decodes entities', () => {
    const xml =
      '<w:document xmlns:w="x"><w:body>' +
      '<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t xml:space="preserve">c &#233;&#x20AC;&quot;</w:t></w:r></w:p>' +
      '<w:p/><w:p><w:del><w:r><w:delText>weg</w:delText></w:r></w:del><w:r><w:t>blijft</w:t></w:r></w:p>' +
      '</w:body></w:document>';
    expect(documentXmlToText(xml)).toBe('a\tb\nc é€"\n\nblijft');
  });

  it('names the reason a .docx cannot be read', () => {
    expect(reasonOf(() => transcriptText('docx', Buffer.from('geen zip')))).toMatch(
      /^not a readable \.docx: not a ZIP archive/,
    );
    const noDocument = writeZip([{ name: 'word/other.xml', data: '<x/>' }]);
    expect(reasonOf(() => transcriptText('docx', noDocument))).toBe(
      'not a Word document: word/document.xml is missing',
    );
    const notWord = writeZip([{ name: 'word/document.xml', data: '<html><body/></html>' }]);
    expect(reasonOf(() => transcriptText('docx', notWord))).toBe(
      'word/document.xml is not a WordprocessingML document',
    );
    const docx = buildDocx(['Een alinea die beschadigd raakt.']);
    const truncated = docx.subarray(0, docx.length - 40);
    expect(reasonOf(() => transcriptText('docx', truncated))).toMatch(/^not a readable \.docx/);
  });

  it('refuses a transcript over the length limit', () => {
    const long = Buffer.from('a'.repeat(MAX_TRANSCRIPT_CHARS + 1));
    expect(reasonOf(() => transcriptText('txt', long))).toMatch(/at most 500000/);
    expect(transcriptText('txt', Buffer.from('a'.repeat(MAX_TRANSCRIPT_CHARS)))).toHaveLength(
      MAX_TRANSCRIPT_CHARS,
    );
  });
});

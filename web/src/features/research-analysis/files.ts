import type { ImportFormat, TranscriptFormat } from './types.ts';

/** The file as base64, without the `data:…;base64,` prefix of a data URL. */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

export function transcriptFormatOf(name: string): TranscriptFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

/** What the transcript file inputs accept. */
export const TRANSCRIPT_TYPES =
  '.txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function importFormatOf(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Bodies up to 15 MB (transcripts, imports); attachments up to 10 MB decoded. */
export const UPLOAD_LIMIT = 11 * 1024 * 1024;
export const ATTACHMENT_LIMIT = 10 * 1024 * 1024;

/** Whether a file's media type needs recording consent on the server (audio, video). */
export const isRecording = (mediaType: string) => /^(audio|video)\//.test(mediaType);

export function sizeLabel(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${format.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${format.format(bytes / 1024)} kB`;
  return `${format.format(bytes / 1024 / 1024)} MB`;
}

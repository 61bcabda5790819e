import type { ActorImportInput, ImportFormat } from './types.ts';

/** Why a chosen file is not sent at all. */
export type FileCode = 'fileRequired' | 'wrongType' | 'emptyFile' | 'tooLarge' | 'unreadable';

/** The server takes request bodies up to 10 MB; base64 makes an XLSX file a third larger. */
const BODY_LIMIT = 10 * 1024 * 1024;

export function formatOf(file: File): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** The file as base64, without the `data:…;base64,` prefix of a data URL. */
function base64Of(file: File): Promise<string> {
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

/**
 * Reads a sociale-kaart list in the browser: CSV as text (the server reports bytes that are not
 * UTF-8 per row), XLSX as base64.
 */
export async function readImportFile(file: File | null): Promise<ActorImportInput | FileCode> {
  if (!file) return 'fileRequired';
  const format = formatOf(file);
  if (!format) return 'wrongType';
  if (file.size === 0) return 'emptyFile';
  if ((format === 'xlsx' ? Math.ceil(file.size / 3) * 4 : file.size) > BODY_LIMIT - 1024) {
    return 'tooLarge';
  }
  try {
    const content = format === 'csv' ? await file.text() : await base64Of(file);
    if (format === 'csv' && !content.replace(/^\uFEFF/, '').trim()) return 'emptyFile';
    return { format, content };
  } catch {
    return 'unreadable';
  }
}

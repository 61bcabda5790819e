import { readSheet } from 'read-excel-file/node';
import { parseCsv, type Delimiter } from './csv.ts';

/**
 * An uploaded list as rows of text cells, whatever its format: CSV text (`;` or `,`, BOM dropped,
 * UTF-8 required) or an XLSX workbook (base64; its first sheet). Row numbers are the ones the
 * spreadsheet shows (row 1 is the top row).
 */

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface SheetRow {
  row: number;
  cells: string[];
}

/** A problem with the file itself or one of its rows (row null: the whole file). */
export interface SheetIssue {
  row: number | null;
  code: string;
  detail: string;
}

export interface Sheet {
  rows: SheetRow[];
  delimiter: Delimiter | null;
  issues: SheetIssue[];
}

/** More rows than any sociale kaart has; also bounds the work a hostile workbook can cause. */
export const MAX_ROWS = 20_000;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** U+FFFD is what a UTF-8 decoder makes of bytes that are not UTF-8 (an ANSI/Windows-1252 file). */
const NOT_UTF8 = '\uFFFD';

function fromCsv(text: string): Sheet {
  const parsed = parseCsv(text);
  const issues: SheetIssue[] = parsed.issues.map((i) => ({ ...i }));
  for (const r of parsed.records) {
    if (r.cells.some((c) => c.includes(NOT_UTF8)))
      issues.push({
        row: r.row,
        code: 'invalid_encoding',
        detail: 'The row is not valid UTF-8 text: save the file as "CSV UTF-8".',
      });
  }
  return { rows: parsed.records, delimiter: parsed.delimiter, issues };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function fromXlsx(base64: string): Promise<Sheet> {
  const compact = base64.replace(/\s+/g, '');
  const fail = (code: string, detail: string): Sheet => ({
    rows: [],
    delimiter: null,
    issues: [{ row: null, code, detail }],
  });
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact))
    return fail('invalid_base64', 'The XLSX content is not valid base64.');
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(compact, 'base64'))) as unknown[][];
  } catch (err) {
    return fail(
      'invalid_xlsx',
      `The file is not a readable XLSX workbook: ${(err as Error).message}`,
    );
  }
  return {
    rows: data.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) })),
    delimiter: null,
    issues: [],
  };
}

export async function readUpload(format: ImportFormat, content: string): Promise<Sheet> {
  const sheet = format === 'csv' ? fromCsv(content) : await fromXlsx(content);
  if (sheet.rows.length > MAX_ROWS)
    return {
      ...sheet,
      rows: [],
      issues: [
        {
          row: null,
          code: 'too_many_rows',
          detail: `The file has ${sheet.rows.length} rows; at most ${MAX_ROWS} can be imported at once.`,
        },
      ],
    };
  return sheet;
}

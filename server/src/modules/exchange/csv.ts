/**
 * CSV as RFC 4180 describes it (quoted fields, doubled quotes, CRLF records), with the two habits
 * of Dutch spreadsheets: `;` as the delimiter (Excel with a Dutch locale) and a UTF-8 byte order
 * mark. Pure functions: text in, text or records out.
 */

export type Delimiter = ',' | ';';
export const delimiters = { comma: ',', semicolon: ';' } as const;
export type DelimiterName = keyof typeof delimiters;

export const BOM = '\uFEFF';

/** A cell starting with one of these is a formula in Excel and LibreOffice (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/**
 * One cell: text that a spreadsheet would run as a formula gets a leading `'` (OWASP CSV
 * injection); numbers are written with the decimal separator that goes with the delimiter
 * (`;` files are read by Excel NL, which expects a decimal comma).
 */
export function csvCell(value: CsvValue, delimiter: Delimiter): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number'
      ? delimiter === ';'
        ? String(value).replace('.', ',')
        : String(value)
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header, CRLF after every record. */
export function formatCsv(header: string[], rows: CsvValue[][], delimiter: Delimiter): string {
  const line = (cells: CsvValue[]) => cells.map((c) => csvCell(c, delimiter)).join(delimiter);
  return `${BOM}${[header, ...rows].map((r) => `${line(r)}\r\n`).join('')}`;
}

export interface CsvRecord {
  /** The row number a spreadsheet shows: the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvIssue {
  row: number;
  code: 'unclosed_quote' | 'text_after_quote';
  detail: string;
}

export interface ParsedCsv {
  delimiter: Delimiter;
  /** Every record including empty ones (an empty line is an empty row in a spreadsheet). */
  records: CsvRecord[];
  issues: CsvIssue[];
}

/** `;` or `,`: whichever occurs more often outside quotes in the first record (`,` on a tie). */
export function detectDelimiter(text: string): Delimiter {
  let inQuotes = false;
  let semicolons = 0;
  let commas = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ';') semicolons++;
    else if (!inQuotes && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV text (a leading BOM is dropped). Records end at CRLF, LF or CR outside quotes. A quote
 * that is never closed (a truncated file) is reported at the row where it opened and that record is
 * dropped; text between a closing quote and the next delimiter is kept but reported.
 */
export function parseCsv(input: string, delimiter?: Delimiter): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let inQuotes = false;
  let afterQuote = false;
  let reportedAfterQuote = false;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ row, cells });
    cells = [];
    row++;
    reportedAfterQuote = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        inQuotes = false;
        afterQuote = true;
      }
      continue;
    }
    if (ch === delim) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (ch === '"' && cell === '' && !afterQuote) inQuotes = true;
    else {
      if (afterQuote && !reportedAfterQuote) {
        issues.push({
          row,
          code: 'text_after_quote',
          detail:
            'Text follows a closing quote: put the whole value between quotes and double the quotes inside it.',
        });
        reportedAfterQuote = true;
      }
      cell += ch;
    }
  }
  if (inQuotes) {
    issues.push({
      row,
      code: 'unclosed_quote',
      detail: 'A quoted value that starts in this row is never closed (is the file truncated?).',
    });
  } else if (cell !== '' || cells.length > 0 || afterQuote) {
    endRecord();
  }
  return { delimiter: delim, records, issues };
}

import { levelOf } from './codes.ts';
import { issue, parseJsonText, type ImportIssue } from './issues.ts';
import { cleanNumber } from './values.ts';

/**
 * CBS StatLine "Kerncijfers wijken en buurten", as OData JSON (`{"value": {id: row}}` or
 * `{"value": [row]}`) or CSV (`;` or `,`). Codes are space-padded, numbers are strings with
 * leading spaces, "." means missing or secret, the file may start with a UTF-8 BOM. An indicator
 * key is the StatLine key without its numeric suffix (k_0Tot15Jaar_8 → k_0Tot15Jaar).
 */

export interface IndicatorRow {
  index: number;
  code: string;
  values: Record<string, number | null>;
}

export interface ParsedIndicators {
  format: 'json' | 'csv';
  rows: IndicatorRow[];
  /** Text columns (names, region kinds) that are not indicators. */
  ignoredColumns: string[];
  issues: ImportIssue[];
}

const CODE_COLUMNS = /^(WijkenEnBuurten|Codering(_\d+)?|code)$/i;
const SKIP_COLUMNS = /^(ID)$/;

export const indicatorKey = (column: string): string => column.trim().replace(/_\d+$/, '');

function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep =
    (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function recordsOf(
  text: string,
): { format: 'json' | 'csv'; records: Record<string, unknown>[] } | ImportIssue {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) {
    const parsed = parseJsonText(body);
    if (!parsed.ok) return parsed.issue;
    const v = (parsed.value as { value?: unknown }).value;
    const list = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : undefined;
    if (!list)
      return issue(
        null,
        'not_statline',
        'The JSON has no "value" member with rows (StatLine OData).',
      );
    return { format: 'json', records: list as Record<string, unknown>[] };
  }
  const rows = parseCsv(body);
  const header = rows[0]?.map((h) => h.trim());
  if (!header || rows.length < 2)
    return issue(null, 'not_statline', 'The file has no header and data rows.');
  return {
    format: 'csv',
    records: rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
  };
}

/**
 * The numeric suffix is the column's position in the StatLine table, so columns sharing it are the
 * same measure under a misspelt name (Rotterdam's file has one row with `k_65JaarrOfOude_12` for
 * `k_65JaarOfOuder_12`): they get the name most rows use.
 */
function canonicalKeys(columns: string[], records: Record<string, unknown>[]): Map<string, string> {
  const bySuffix = new Map<string, string[]>();
  for (const c of columns) {
    const suffix = /_(\d+)$/.exec(c.trim())?.[1];
    if (suffix) bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), c]);
  }
  const out = new Map<string, string>();
  for (const group of bySuffix.values()) {
    const uses = (c: string) => records.filter((r) => r && c in r).length;
    const main = [...group].sort((a, b) => uses(b) - uses(a))[0] as string;
    for (const c of group) out.set(c, indicatorKey(main));
  }
  return out;
}

export function parseIndicators(text: string): ParsedIndicators {
  const got = recordsOf(text);
  if ('reason' in got) return { format: 'json', rows: [], ignoredColumns: [], issues: [got] };
  const { format, records } = got;
  const issues: ImportIssue[] = [];
  const columns = [
    ...new Set(records.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : []))),
  ];
  const codeColumn = columns.find((c) => CODE_COLUMNS.test(c.trim()));
  if (!codeColumn)
    return {
      format,
      rows: [],
      ignoredColumns: [],
      issues: [issue(null, 'unknown_columns', 'No code column (WijkenEnBuurten or Codering).')],
    };
  // A column is an indicator when every non-missing value is a number; text columns are ignored.
  const data = columns.filter((c) => c !== codeColumn && !SKIP_COLUMNS.test(c));
  const numeric = data.filter((c) => records.every((r) => cleanNumber(r?.[c]).ok));
  const ignoredColumns = data.filter((c) => !numeric.includes(c));
  const keyOf = canonicalKeys(numeric, records);

  const seen = new Map<string, number>();
  const rows: IndicatorRow[] = [];
  records.forEach((r, index) => {
    const raw = r?.[codeColumn];
    const code = typeof raw === 'string' ? raw.trim() : '';
    if (!levelOf(code)) {
      issues.push(issue(index, 'invalid_code', `"${code}" is not a CBS code.`, code || undefined));
      return;
    }
    if (seen.has(code)) {
      issues.push(
        issue(
          index,
          'duplicate_code',
          `${code} occurs more than once (first at row ${seen.get(code)}).`,
          code,
        ),
      );
      return;
    }
    seen.set(code, index);
    const values: Record<string, number | null> = {};
    for (const c of numeric) {
      const raw = r[c];
      // Absent or empty: no figure published (not stored); "." and ≤ −99990: secret (null).
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
        continue;
      const v = cleanNumber(raw);
      values[keyOf.get(c) ?? indicatorKey(c)] = v.ok ? v.value : null;
    }
    rows.push({ index, code, values });
  });
  if (numeric.length === 0)
    issues.push(issue(null, 'no_indicators', 'The file has no numeric columns.'));
  return { format, rows, ignoredColumns, issues };
}

// Pure helpers of the earlier-wave import: the header of a CSV file, a first guess of which
// column holds which item, the `columns` object the API takes and the rows of a refused import.

/** The delimiter the first line uses most (outside quotes): `;` (Dutch Excel), `,` or tab. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [delimiter, count] of counts) {
    if (count > most) [best, most] = [delimiter, count];
  }
  return best;
}

/** The first record of a CSV text (RFC 4180 quoting; a quoted field may span lines). */
export function csvHeader(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body.split(/\r?\n/, 1)[0] ?? '');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field.trim());
  return fields.length === 1 && fields[0] === '' ? [] : fields;
}

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A column that likely names the participant: "pseudonym", "deelnemer", "e-mail"… */
export function guessParticipantColumn(headers: readonly string[]): string {
  return (
    headers.find((h) => /pseudoniem|pseudonym/i.test(h)) ??
    headers.find((h) => /deelnemer|participant|respondent/i.test(h)) ??
    headers.find((h) => /e-?mail/i.test(h)) ??
    headers[0] ??
    ''
  );
}

/**
 * Each column's item code where the header names it ("Q1" → q1, "vertrouwen buurt" →
 * vertrouwen_buurt, "q1_w1" → q1); '' (not imported) otherwise and for the participant column.
 */
export function guessMapping(
  headers: readonly string[],
  codes: readonly string[],
  participantColumn: string,
): Record<string, string> {
  const known = new Set(codes);
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    if (header === participantColumn) continue;
    const name = normalise(header);
    const bare = name.replace(/_w\d+$/, '');
    mapping[header] = known.has(name) ? name : known.has(bare) ? bare : '';
  }
  return mapping;
}

export type MappingProblem =
  { kind: 'nothingMapped' } | { kind: 'duplicate'; code: string; columns: string[] };

/** What the page refuses before sending: no mapped column, or two columns onto one item. */
export function mappingProblems(
  mapping: Readonly<Record<string, string>>,
  participantColumn: string,
): MappingProblem[] {
  const byCode = new Map<string, string[]>();
  for (const [column, code] of Object.entries(mapping)) {
    if (!code || column === participantColumn) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), column]);
  }
  const problems: MappingProblem[] = [];
  if (byCode.size === 0) problems.push({ kind: 'nothingMapped' });
  for (const [code, columns] of byCode) {
    if (columns.length > 1) problems.push({ kind: 'duplicate', code, columns });
  }
  return problems;
}

/** The API's `columns`: mapped columns only, never the participant column. */
export function columnsPayload(
  mapping: Readonly<Record<string, string>>,
  participantColumn: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapping).filter(([column, code]) => code && column !== participantColumn),
  );
}

export interface RowProblem {
  /** Spreadsheet row (header = 1); null for the file or request as a whole. */
  row: number | null;
  column: string | null;
  code: string;
  /** The server's reason without its `Row n, column "x": ` prefix. */
  reason: string;
  /** The cell as the reason quotes it (`"abc" is not a number.`), if it does. */
  value: string | null;
}

interface ListedError {
  pointer: string;
  code: string;
  detail: string;
  column?: unknown;
}

/** A row error's detail starts with `Row 7, column "q1": ` or `Row 7: `. */
const ROW_PREFIX = /^Row \d+(?:, column "(.*?)")?: /s;

/**
 * The listed errors of a refused import: `/rows/<n>` pointers give the row; the column is the
 * error's `column` field or the one named in its detail. Sorted by row, the file's own first.
 */
export function rowProblems(errors: readonly ListedError[]): RowProblem[] {
  return errors
    .map((e) => {
      const row = /^\/rows\/(\d+)$/.exec(e.pointer);
      const prefix = ROW_PREFIX.exec(e.detail);
      const reason = prefix ? e.detail.slice(prefix[0].length) : e.detail;
      const pointed = /^\/columns\/(.+)$/.exec(e.pointer)?.[1];
      const named =
        prefix?.[1] ??
        (pointed ? pointed.replace(/~1/g, '/').replace(/~0/g, '~') : null) ??
        /column "([^"]*)"/i.exec(e.detail)?.[1] ??
        null;
      // Mapping problems point at the header (row 1): `/columns/<column>`, `/participantColumn`.
      const header = /^\/(columns\/.+|participantColumn)$/.test(e.pointer);
      return {
        row: row ? Number(row[1]) : header ? 1 : null,
        column: typeof e.column === 'string' ? e.column : named,
        code: e.code,
        reason,
        value: /^"([^"]*)"/.exec(reason)?.[1] ?? null,
      };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

import { normaliseEmail } from '../../crypto/research-pseudonyms.ts';
import type { ItemKind, ItemOptions } from '../../db/research-wave-types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import type { SheetRow } from '../exchange/sheet.ts';
import { checkAnswer, type AnswerValue, type StoredAnswer } from './item-rules.ts';

// An earlier wave from a spreadsheet: the header row names the columns, a mapping says which
// column holds the participant (pseudonym or email) and which item each other column answers.
// Pure: rows and mapping in, answers to store or every problem out (row numbers as the
// spreadsheet shows them, the header is row 1). Cells are read as the questionnaire would take
// them and checked by the same rules (item-rules.ts `checkAnswer`).

export interface ImportMapping {
  participantColumn: string;
  participantKey: 'pseudonym' | 'email';
  /** Column header → item code. */
  columns: Record<string, string>;
}

export interface ImportItem {
  id: string;
  code: string;
  kind: ItemKind;
  options: ItemOptions;
}

export interface ImportedRow {
  row: number;
  /** The pseudonym, or the normalised email. */
  key: string;
  /** null: an email no participant has yet (the import creates one). */
  participantId: string | null;
  answers: { itemId: string; stored: StoredAnswer }[];
}

export interface ImportPlan {
  rows: ImportedRow[];
  errors: FieldError[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const pointerPart = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const rowError = (row: number, column: string | null, code: string, reason: string) =>
  fieldError(
    `/rows/${row}`,
    code,
    `Row ${row}${column === null ? '' : `, column "${column}"`}: ${reason}`,
  );

const isBlank = (r: SheetRow) => r.cells.every((c) => !c.trim());

/** The participant key of a cell as it is looked up: a pseudonym as is, an email normalised. */
export const participantKeyOf = (mapping: ImportMapping, cell: string) =>
  mapping.participantKey === 'email' ? normaliseEmail(cell) : cell.trim().toUpperCase();

/** The participant keys the file holds (after its header), to look them up before `planImport`. */
export function participantKeys(rows: readonly SheetRow[], mapping: ImportMapping): string[] {
  const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
  const at = header.indexOf(mapping.participantColumn.trim());
  if (at < 0) return [];
  return [
    ...new Set(
      rows
        .slice(1)
        .map((r) => participantKeyOf(mapping, r.cells[at] ?? ''))
        .filter((k) => k !== ''),
    ),
  ];
}

/** A number as a spreadsheet writes it: `4`, `3.5` or, in Dutch, `3,5`. */
function numberOf(cell: string): number | null {
  const t = cell.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A choice by its value or its Dutch label (case and surrounding spaces ignored). */
function choiceOf(options: ItemOptions, cell: string): string | null {
  const t = cell.trim();
  const choices = options.choices ?? [];
  const byValue = choices.find((c) => c.value === t);
  if (byValue) return byValue.value;
  const lower = t.toLocaleLowerCase('nl');
  return choices.find((c) => c.labelNl.trim().toLocaleLowerCase('nl') === lower)?.value ?? null;
}

/** The cell as an answer value, or the reason it is not one. */
function cellValue(
  item: ImportItem,
  cell: string,
): { value: AnswerValue } | { reason: string; code: string } {
  switch (item.kind) {
    case 'likert':
    case 'number': {
      const n = numberOf(cell);
      return n === null
        ? { code: 'not_a_number', reason: `"${cell.trim()}" is not a number.` }
        : { value: n };
    }
    case 'single': {
      const v = choiceOf(item.options, cell);
      return v === null
        ? {
            code: 'unknown_choice',
            reason: `"${cell.trim()}" is not one of the choices of ${item.code}.`,
          }
        : { value: v };
    }
    case 'multiple': {
      const parts = cell
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean);
      const unknown = parts.filter((p) => choiceOf(item.options, p) === null);
      return unknown.length
        ? {
            code: 'unknown_choice',
            reason: `${unknown.map((u) => `"${u}"`).join(', ')} not among the choices of ${item.code}.`,
          }
        : { value: parts.map((p) => choiceOf(item.options, p)!) };
    }
    case 'text':
      return { value: cell.trim() };
    case 'network':
      return { code: 'unsupported_item', reason: 'Network items cannot be imported.' };
  }
}

/**
 * Reads the rows against the mapping and the wave's items. `participants` maps each key the
 * study knows (pseudonym, or normalised email) to its participant; with `participantKey`
 * email, an unknown address is a participant to create. Returns every problem, or the answers.
 */
export function planImport(
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  items: readonly ImportItem[],
  participants: ReadonlyMap<string, string>,
): ImportPlan {
  const errors: FieldError[] = [];
  const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
  const columnAt = (name: string) => {
    const at = header.indexOf(name.trim());
    return at >= 0 && header.indexOf(name.trim(), at + 1) < 0 ? at : at < 0 ? -1 : -2;
  };
  if (!rows.length)
    errors.push(fieldError('/contentBase64', 'empty_file', 'The file has no rows.'));
  const pAt = columnAt(mapping.participantColumn);
  if (rows.length && pAt < 0)
    errors.push(
      fieldError(
        '/participantColumn',
        pAt === -1 ? 'unknown_column' : 'duplicate_column',
        `The header (row 1) has ${pAt === -1 ? 'no' : 'more than one'} column "${mapping.participantColumn}".`,
      ),
    );
  const byCode = new Map(items.map((i) => [i.code, i]));
  const mapped: { column: string; at: number; item: ImportItem }[] = [];
  const codesSeen = new Map<string, string>();
  for (const [column, code] of Object.entries(mapping.columns)) {
    const p = `/columns/${pointerPart(column)}`;
    const at = columnAt(column);
    const item = byCode.get(code);
    if (rows.length && at < 0)
      errors.push(
        fieldError(
          p,
          at === -1 ? 'unknown_column' : 'duplicate_column',
          `The header (row 1) has ${at === -1 ? 'no' : 'more than one'} column "${column}".`,
        ),
      );
    if (!item)
      errors.push(fieldError(p, 'unknown_item', `The wave has no item with code "${code}".`));
    else if (item.kind === 'network')
      errors.push(fieldError(p, 'unsupported_item', `Network items (${code}) cannot be imported.`));
    if (codesSeen.has(code))
      errors.push(
        fieldError(
          p,
          'duplicate_item',
          `Item ${code} is mapped from "${codesSeen.get(code)}" too.`,
        ),
      );
    codesSeen.set(code, column);
    if (at >= 0 && item && item.kind !== 'network') mapped.push({ column, at, item });
  }
  if (!Object.keys(mapping.columns).length)
    errors.push(fieldError('/columns', 'required', 'Map at least one column to an item.'));
  if (errors.length) return { rows: [], errors };

  const out: ImportedRow[] = [];
  const firstRow = new Map<string, number>();
  for (const r of rows.slice(1)) {
    if (isBlank(r)) continue;
    const cell = (at: number) => r.cells[at] ?? '';
    const raw = cell(pAt).trim();
    const key = participantKeyOf(mapping, raw);
    let participantId: string | null = null;
    let ok = true;
    const fail = (column: string | null, code: string, reason: string) => {
      errors.push(rowError(r.row, column, code, reason));
      ok = false;
    };
    const pc = mapping.participantColumn;
    if (!key) fail(pc, 'missing_participant', 'No participant.');
    else if (firstRow.has(key))
      fail(pc, 'duplicate_participant', `The participant is in row ${firstRow.get(key)} already.`);
    else if (mapping.participantKey === 'email' && !EMAIL.test(key))
      fail(pc, 'invalid_email', `"${raw}" is not an email address.`);
    else {
      participantId = participants.get(key) ?? null;
      if (participantId === null && mapping.participantKey === 'pseudonym')
        fail(pc, 'unknown_participant', `No participant of this study has pseudonym "${raw}".`);
    }
    if (key && !firstRow.has(key)) firstRow.set(key, r.row);
    const answers: ImportedRow['answers'] = [];
    for (const m of mapped) {
      const text = cell(m.at);
      if (!text.trim()) continue;
      const v = cellValue(m.item, text);
      if ('reason' in v) {
        fail(m.column, v.code, v.reason);
        continue;
      }
      const checked = checkAnswer(m.item, v.value);
      if (checked.errors.length) for (const e of checked.errors) fail(m.column, e.code, e.detail);
      else if (checked.stored) answers.push({ itemId: m.item.id, stored: checked.stored });
    }
    if (ok) out.push({ row: r.row, key, participantId, answers });
  }
  if (!errors.length && !out.length)
    errors.push(fieldError('/contentBase64', 'no_rows', 'The file has no rows after its header.'));
  return errors.length ? { rows: [], errors } : { rows: out, errors };
}

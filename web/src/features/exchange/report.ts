import type { ActorImportReport, ImportOutcome, ImportProblem } from './types.ts';

/**
 * The import's report as the page shows it: one line per row (or for the file as a whole), with
 * its outcome and the reasons. Server details are English; the page translates the code and takes
 * only the values it needs (the header or cell as written in the file) from the detail.
 */

export interface Reason {
  code: string;
  /** The header as written in the file. */
  column: string | null;
  /** Values quoted from the file: a cell, an unknown header, a CBS code, an earlier row number. */
  values: string[];
}

export interface ReportLine {
  /** Spreadsheet row (header = 1); null for the file as a whole. */
  row: number | null;
  name: string | null;
  outcome: ImportOutcome;
  errors: Reason[];
  warnings: Reason[];
}

interface PointedError {
  pointer: string;
  code: string;
  detail: string;
}

const QUOTED = /"([^"]*)"/g;

/** The values a message needs, by code (see server/src/modules/exchange/actor-import.ts). */
export function valuesOf(code: string, detail: string): string[] {
  switch (code) {
    case 'unknown_area':
      return [/\b((?:GM|WK|BU)[0-9A-Z]+)\b/.exec(detail)?.[1] ?? ''];
    case 'duplicate_name':
      return [/\brow (\d+)/i.exec(detail)?.[1] ?? ''];
    case 'unnamed_column':
      return [/\bcolumn ([A-Z]+)\b/.exec(detail)?.[1] ?? ''];
    default:
      return [...detail.matchAll(QUOTED)].map((m) => m[1] ?? '');
  }
}

const reasonOf = (p: ImportProblem): Reason => ({
  code: p.code,
  column: p.column,
  values: valuesOf(p.code, p.detail),
});

/** `/rows/7` → 7; `/content` (the file as a whole) → null. */
export function rowOfPointer(pointer: string): number | null {
  const match = /^\/rows\/(\d+)$/.exec(pointer);
  return match ? Number(match[1]) : null;
}

/** A listed error's detail starts with `Row 7, column "E-mail": ` or `Row 1: `; split that off. */
const ROW_PREFIX = /^Row \d+(?:, column "(.*?)")?: /s;

function reasonOfPointed(error: PointedError): Reason {
  const prefix = ROW_PREFIX.exec(error.detail);
  const detail = prefix ? error.detail.slice(prefix[0].length) : error.detail;
  return { code: error.code, column: prefix?.[1] ?? null, values: valuesOf(error.code, detail) };
}

const byRow = (a: ReportLine, b: ReportLine) => (a.row ?? 0) - (b.row ?? 0);

/** Problems of the file or its header row: listed errors that belong to no reported row. */
function fileLines(errors: readonly PointedError[], rows: ReadonlySet<number>): ReportLine[] {
  const lines = new Map<number | null, ReportLine>();
  for (const error of errors) {
    const row = rowOfPointer(error.pointer);
    if (row !== null && rows.has(row)) continue;
    let line = lines.get(row);
    if (!line) {
      line = { row, name: null, outcome: 'error', errors: [], warnings: [] };
      lines.set(row, line);
    }
    line.errors.push(reasonOfPointed(error));
  }
  return [...lines.values()];
}

/** The lines of a report (a dry run, or a finished import). */
export function linesOfReport(report: ActorImportReport): ReportLine[] {
  const rows: ReportLine[] = report.rows.map((r) => ({
    row: r.row,
    name: r.name,
    outcome: r.outcome,
    errors: r.errors.map(reasonOf),
    warnings: r.warnings.map(reasonOf),
  }));
  const reported = new Set(report.rows.map((r) => r.row));
  return [...fileLines(report.errors, reported), ...rows].sort(byRow);
}

/**
 * The lines of a refused import (400, `errors[]` with pointers `/rows/<n>`). Names come from the
 * dry run of the same file, which the refused import followed.
 */
export function linesOfProblem(
  errors: readonly PointedError[],
  checked: ActorImportReport | null,
): ReportLine[] {
  const names = new Map((checked?.rows ?? []).map((r) => [r.row, r.name]));
  const lines = fileLines(errors, new Set());
  for (const line of lines) line.name = line.row === null ? null : (names.get(line.row) ?? null);
  return lines.sort(byRow);
}

export interface ReportCounts {
  /** Data rows in the file (empty rows not counted). */
  rows: number;
  /** Rows that are (or would be) imported. */
  ok: number;
  /** Rows with at least one error. */
  bad: number;
  organisations: number;
  persons: number;
  /** Problems of the file or its header, apart from any row. */
  fileProblems: boolean;
}

export function countsOf(report: ActorImportReport): ReportCounts {
  const ok = report.rows.filter((r) => r.outcome !== 'error');
  const reported = new Set(report.rows.map((r) => r.row));
  return {
    rows: report.rows.length,
    ok: ok.length,
    bad: report.rows.length - ok.length,
    organisations: ok.filter((r) => r.kind === 'organisation').length,
    persons: ok.filter((r) => r.kind === 'person').length,
    fileProblems: fileLines(report.errors, reported).length > 0,
  };
}

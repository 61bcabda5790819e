import type { ActorKind, Visibility } from '../actors/types.ts';

/** Shapes of the exchange API (server/src/modules/exchange/schema.ts). */

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Body of `POST W/actor-imports`: the CSV text, or the XLSX file in base64. */
export interface ActorImportInput {
  format: ImportFormat;
  content: string;
}

export interface ImportProblem {
  /** The header as written in the file, when the problem is in one column. */
  column: string | null;
  code: string;
  /** English, for logs and the CLI; the UI translates the code instead. */
  detail: string;
}

export type ImportOutcome = 'would_create' | 'created' | 'error';

export interface ImportRowReport {
  /** Row number as the spreadsheet shows it (header = row 1). */
  row: number;
  name: string | null;
  kind: ActorKind | null;
  visibility: Visibility | null;
  outcome: ImportOutcome;
  actorId: string | null;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export interface ActorImportReport {
  format: ImportFormat;
  delimiter: 'semicolon' | 'comma' | null;
  dryRun: boolean;
  columns: string[];
  rows: ImportRowReport[];
  created: number;
  /** No problems: every row is (or would be) imported. */
  valid: boolean;
  /** Every problem, pointer `/rows/<n>` or `/content`, as the 400 of a real import lists them. */
  errors: { pointer: string; code: string; detail: string }[];
}

export const csvDelimiters = ['semicolon', 'comma'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** The envelope of `GET W/exports/hsds` (HSDS's own page); only what the page shows. */
export interface HsdsPage {
  total_items: number;
  total_pages: number;
}

import type { AnswerValue } from '../../analytics/research/compare.ts';
import type { ItemKind, ItemOptions, WaveSource } from '../../db/research-wave-types.ts';
import { formatCsv, type CsvValue } from '../exchange/csv.ts';

// The files of a research export, built from rows that are already pseudonymised and filtered by
// consent (export-service.ts). Pure: R/SPSS-friendly names — waves `w1`, `w2`… by start date,
// variables `<code>_w<n>` — and CSV as RFC 4180 with a BOM, `,` and CRLF (exchange/csv.ts).
// Multiple choice answers are the choice values joined by `;`; a network item exports the number
// of names (the people named would identify the participant's contacts).

export interface ExportWave {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  source: WaveSource;
}
export interface LabelledWave extends ExportWave {
  label: string;
}
export interface ExportItem {
  id: string;
  waveId: string;
  code: string;
  kind: ItemKind;
  position: number;
  promptNl: string;
  promptEn: string | null;
  options: ItemOptions;
}
export interface ExportAnswer {
  waveId: string;
  itemId: string;
  pseudonym: string;
  /** Decoded; open text decrypted. */
  value: AnswerValue;
}
export interface ExportCode {
  id: string;
  parentId: string | null;
  name: string;
  definition: string | null;
  position: number;
}
export interface ExportSegment {
  pseudonym: string;
  waveId: string | null;
  source: 'interview' | 'answer';
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  text: string;
}
export interface BuiltFile {
  body: string;
  rows: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Waves by start date (then id), labelled w1, w2…. */
export const labelWaves = (waves: readonly ExportWave[]): LabelledWave[] =>
  [...waves]
    .sort((a, b) => cmp(a.startsOn, b.startsOn) || cmp(a.id, b.id))
    .map((w, i) => ({ ...w, label: `w${i + 1}` }));

export const variableName = (code: string, wave: LabelledWave) => `${code}_${wave.label}`;

/** The exported value of an answer and its (Dutch) value label. */
export function valueCells(item: ExportItem, value: AnswerValue): [CsvValue, string] {
  const choices = item.options.choices ?? [];
  const labelOf = (v: string) => choices.find((c) => c.value === v)?.labelNl ?? '';
  switch (item.kind) {
    case 'likert': {
      const a = item.options.anchorsNl;
      const n = Number(value);
      return [n, a && n === 1 ? a[0] : a && n === item.options.points ? a[1] : ''];
    }
    case 'number':
      return [Number(value), ''];
    case 'single':
      return [String(value), labelOf(String(value))];
    case 'multiple': {
      const list = Array.isArray(value) ? value : [String(value)];
      return [list.join(';'), list.map(labelOf).join(';')];
    }
    case 'network':
      return [Array.isArray(value) ? value.length : 0, ''];
    case 'text':
      return [String(value), ''];
  }
}

interface Indexed {
  waves: LabelledWave[];
  waveOf: Map<string, LabelledWave>;
  itemOf: Map<string, ExportItem>;
  /** Items in export order: by wave, then position. */
  ordered: ExportItem[];
}

function index(waves: readonly ExportWave[], items: readonly ExportItem[]): Indexed {
  const labelled = labelWaves(waves);
  const rank = new Map(labelled.map((w, i) => [w.id, i]));
  const ordered = items
    .filter((i) => rank.has(i.waveId))
    .sort(
      (a, b) =>
        rank.get(a.waveId)! - rank.get(b.waveId)! || a.position - b.position || cmp(a.code, b.code),
    );
  return {
    waves: labelled,
    waveOf: new Map(labelled.map((w) => [w.id, w])),
    itemOf: new Map(items.map((i) => [i.id, i])),
    ordered,
  };
}

const itemRank = (ix: Indexed) => new Map(ix.ordered.map((it, i) => [it.id, i]));

/** answers.csv: one row per answer — pseudonym, wave, wave_date, item, value, value_label. */
export function tidyCsv(
  waves: readonly ExportWave[],
  items: readonly ExportItem[],
  answers: readonly ExportAnswer[],
): BuiltFile {
  const ix = index(waves, items);
  const rank = itemRank(ix);
  const rows = answers
    .filter((a) => rank.has(a.itemId))
    .sort((a, b) => cmp(a.pseudonym, b.pseudonym) || rank.get(a.itemId)! - rank.get(b.itemId)!)
    .map((a) => {
      const item = ix.itemOf.get(a.itemId)!;
      const wave = ix.waveOf.get(item.waveId)!;
      return [a.pseudonym, wave.label, wave.startsOn, item.code, ...valueCells(item, a.value)];
    });
  const header = ['pseudonym', 'wave', 'wave_date', 'item', 'value', 'value_label'];
  return { body: formatCsv(header, rows, ','), rows: rows.length };
}

/** wide.csv: one row per pseudonym, one column `<code>_w<n>` per item of every wave. */
export function wideCsv(
  waves: readonly ExportWave[],
  items: readonly ExportItem[],
  answers: readonly ExportAnswer[],
): BuiltFile {
  const ix = index(waves, items);
  const rank = itemRank(ix);
  const byPseudonym = new Map<string, CsvValue[]>();
  for (const a of answers) {
    const at = rank.get(a.itemId);
    if (at === undefined) continue;
    const row = byPseudonym.get(a.pseudonym) ?? ix.ordered.map(() => null);
    row[at] = valueCells(ix.itemOf.get(a.itemId)!, a.value)[0];
    byPseudonym.set(a.pseudonym, row);
  }
  const header = [
    'pseudonym',
    ...ix.ordered.map((it) => variableName(it.code, ix.waveOf.get(it.waveId)!)),
  ];
  const rows = [...byPseudonym.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([p, values]) => [p, ...values]);
  return { body: formatCsv(header, rows, ','), rows: rows.length };
}

export interface CodeNode {
  name: string;
  path: string;
  definition: string | null;
  children: CodeNode[];
}

/** The codebook as a tree: siblings by position then name; `path` joins names with ` > `. */
export function codeTree(codes: readonly ExportCode[]): CodeNode[] {
  const children = (parentId: string | null, prefix: string): CodeNode[] =>
    codes
      .filter((c) => c.parentId === parentId)
      .sort((a, b) => a.position - b.position || cmp(a.name, b.name) || cmp(a.id, b.id))
      .map((c) => {
        const path = prefix ? `${prefix} > ${c.name}` : c.name;
        return { name: c.name, path, definition: c.definition, children: children(c.id, path) };
      });
  return children(null, '');
}

/** Each code's path (`Parent > Child`). */
export function codePaths(codes: readonly ExportCode[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (c: ExportCode, seen = new Set<string>()): string => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (!parent || seen.has(c.id)) return c.name;
    seen.add(c.id);
    return `${path(parent, seen)} > ${c.name}`;
  };
  return new Map(codes.map((c) => [c.id, path(c)]));
}

/** segments.csv: pseudonym, wave, source, source_id, code, code_path, start, end, text. */
export function segmentsCsv(
  waves: readonly ExportWave[],
  codes: readonly ExportCode[],
  segments: readonly ExportSegment[],
): BuiltFile {
  const labels = new Map(labelWaves(waves).map((w) => [w.id, w.label]));
  const paths = codePaths(codes);
  const names = new Map(codes.map((c) => [c.id, c.name]));
  const rows = segments
    .map((s) => [
      s.pseudonym,
      s.waveId ? (labels.get(s.waveId) ?? '') : '',
      s.source,
      s.sourceId,
      names.get(s.codeId) ?? '',
      paths.get(s.codeId) ?? '',
      s.start,
      s.end,
      s.text,
    ])
    .sort(
      (a, b) =>
        cmp(String(a[0]), String(b[0])) ||
        cmp(String(a[1]), String(b[1])) ||
        cmp(String(a[2]), String(b[2])) ||
        cmp(String(a[3]), String(b[3])) ||
        Number(a[6]) - Number(b[6]) ||
        Number(a[7]) - Number(b[7]) ||
        cmp(String(a[5]), String(b[5])),
    );
  const header = [
    'pseudonym',
    'wave',
    'source',
    'source_id',
    'code',
    'code_path',
    'start',
    'end',
    'text',
  ];
  return { body: formatCsv(header, rows, ','), rows: rows.length };
}

import type { ItemKind } from '../../db/research-wave-types.ts';
import {
  codeTree,
  labelWaves,
  variableName,
  type CodeNode,
  type ExportCode,
  type ExportItem,
  type ExportWave,
} from './export-build.ts';

// The codebook of an export (JSON and Markdown): the waves, every variable with its prompts and
// value labels, and the qualitative codebook as a tree. Pure; no participant data in it.

export interface ValueLabel {
  value: number | string;
  labelNl: string;
  labelEn: string | null;
}

export interface CodebookVariable {
  name: string;
  code: string;
  wave: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string | null;
  values: ValueLabel[];
  min: number | null;
  max: number | null;
}

export interface Codebook {
  study: { title: string };
  generatedAt: string;
  conventions: Record<string, string>;
  waves: {
    label: string;
    title: string;
    startsOn: string;
    endsOn: string | null;
    source: string;
  }[];
  variables: CodebookVariable[];
  codes: CodeNode[];
}

export const CONVENTIONS: Record<string, string> = {
  pseudonym: 'P- and base32 characters: stable per participant within the study, never an identity',
  waves: 'w1, w2, … in order of their start date',
  variables: '<item code>_w<wave number> (wide.csv); answers.csv has one row per answer',
  missing: 'an empty cell: no answer',
  multiple: 'the chosen values joined by ;',
  network: 'the number of names given (the people named are not exported)',
  text: 'the open answer as written',
};

function valueLabels(item: ExportItem): ValueLabel[] {
  const o = item.options;
  if (item.kind === 'likert')
    return Array.from({ length: o.points ?? 0 }, (_, i) => {
      const v = i + 1;
      const end = (a: [string, string] | undefined) =>
        a && v === 1 ? a[0] : a && v === o.points ? a[1] : null;
      return { value: v, labelNl: end(o.anchorsNl) ?? String(v), labelEn: end(o.anchorsEn) };
    });
  if (item.kind === 'single' || item.kind === 'multiple')
    return (o.choices ?? []).map((c) => ({
      value: c.value,
      labelNl: c.labelNl,
      labelEn: c.labelEn ?? null,
    }));
  return [];
}

export function buildCodebook(
  studyTitle: string,
  generatedAt: string,
  waves: readonly ExportWave[],
  items: readonly ExportItem[],
  codes: readonly ExportCode[],
): Codebook {
  const labelled = labelWaves(waves);
  const variables = labelled.flatMap((w) =>
    items
      .filter((i) => i.waveId === w.id)
      .sort((a, b) => a.position - b.position || (a.code < b.code ? -1 : 1))
      .map((i) => ({
        name: variableName(i.code, w),
        code: i.code,
        wave: w.label,
        kind: i.kind,
        promptNl: i.promptNl,
        promptEn: i.promptEn,
        values: valueLabels(i),
        min: i.kind === 'likert' ? 1 : (i.options.min ?? null),
        max: i.kind === 'likert' ? (i.options.points ?? null) : (i.options.max ?? null),
      })),
  );
  return {
    study: { title: studyTitle },
    generatedAt,
    conventions: CONVENTIONS,
    waves: labelled.map((w) => ({
      label: w.label,
      title: w.title,
      startsOn: w.startsOn,
      endsOn: w.endsOn,
      source: w.source,
    })),
    variables,
    codes: codeTree(codes),
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The same codebook as Markdown, for people. */
export function codebookMarkdown(c: Codebook): string {
  const out: string[] = [`# Codebook: ${c.study.title}`, '', `Generated ${c.generatedAt}.`, ''];
  out.push('## Conventions', '');
  for (const [k, v] of Object.entries(c.conventions)) out.push(`- **${k}**: ${v}`);
  out.push('', '## Waves', '', '| Wave | Title | Start | End | Source |', '|---|---|---|---|---|');
  for (const w of c.waves)
    out.push(`| ${w.label} | ${cell(w.title)} | ${w.startsOn} | ${w.endsOn ?? ''} | ${w.source} |`);
  out.push('', '## Variables', '');
  for (const v of c.variables) {
    out.push(`### ${v.name}`, '', `- Item: \`${v.code}\` (${v.kind}), wave ${v.wave}`);
    out.push(`- NL: ${cell(v.promptNl)}`);
    if (v.promptEn) out.push(`- EN: ${cell(v.promptEn)}`);
    if (v.min !== null || v.max !== null) out.push(`- Range: ${v.min ?? ''}–${v.max ?? ''}`);
    if (v.values.length) {
      out.push('', '| Value | Label (nl) | Label (en) |', '|---|---|---|');
      for (const l of v.values)
        out.push(`| ${l.value} | ${cell(l.labelNl)} | ${cell(l.labelEn ?? '')} |`);
    }
    out.push('');
  }
  out.push('## Qualitative codes', '');
  const walk = (nodes: CodeNode[], depth: number) => {
    for (const n of nodes) {
      const def = n.definition ? ` — ${cell(n.definition)}` : '';
      out.push(`${'  '.repeat(depth)}- **${cell(n.name)}**${def}`);
      walk(n.children, depth + 1);
    }
  };
  if (c.codes.length) walk(c.codes, 0);
  else out.push('(none)');
  return `${out.join('\n')}\n`;
}

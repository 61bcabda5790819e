import type { Item, ItemChoice, ItemInput, ItemKind, ItemOptions } from './types.ts';

// The questionnaire builder's form state for one item, and its checks before anything is sent.
// The rules mirror the contract (issue 8): codes `^[a-z][a-z0-9_]{0,39}$` unique per wave; likert
// 2–11 points with both anchors or none; 2–30 choices with unique values
// `^[A-Za-z0-9_-]{1,40}$`; number bounds with min ≤ max; text maxLength ≤ 10000; network 1–50 names.

export interface ChoiceDraft {
  value: string;
  labelNl: string;
  labelEn: string;
}

export interface ItemDraft {
  code: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string;
  helpNl: string;
  helpEn: string;
  required: boolean;
  points: string;
  anchorLowNl: string;
  anchorHighNl: string;
  anchorLowEn: string;
  anchorHighEn: string;
  choices: ChoiceDraft[];
  min: string;
  max: string;
  integer: boolean;
  maxLength: string;
  maxNames: string;
}

export type DraftField =
  | 'code'
  | 'promptNl'
  | 'points'
  | 'anchorsNl'
  | 'anchorsEn'
  | 'choices'
  | 'min'
  | 'max'
  | 'maxLength'
  | 'maxNames';

/** Error codes (translated as `research.item.errors.<code>`) per field, and per choice row. */
export interface DraftErrors {
  fields: Partial<Record<DraftField, string>>;
  choices: Partial<Record<number, { value?: string; labelNl?: string }>>;
}

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const CHOICE_VALUE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export const emptyChoice = (index: number): ChoiceDraft => ({
  value: String(index + 1),
  labelNl: '',
  labelEn: '',
});

/** A new, empty choice whose value is the first number from the list's length up not in use. */
export function nextChoice(choices: readonly ChoiceDraft[]): ChoiceDraft {
  const used = new Set(choices.map((c) => c.value.trim()));
  let n = choices.length + 1;
  while (used.has(String(n))) n++;
  return { value: String(n), labelNl: '', labelEn: '' };
}

/** The form state of an existing item, or of a new one (a 5-point Likert item). */
export function draftFromItem(item?: Item): ItemDraft {
  const o: ItemOptions = item?.options ?? {};
  return {
    code: item?.code ?? '',
    kind: item?.kind ?? 'likert',
    promptNl: item?.promptNl ?? '',
    promptEn: item?.promptEn ?? '',
    helpNl: item?.helpNl ?? '',
    helpEn: item?.helpEn ?? '',
    required: item?.required ?? false,
    points: String(o.points ?? 5),
    anchorLowNl: o.anchorsNl?.[0] ?? '',
    anchorHighNl: o.anchorsNl?.[1] ?? '',
    anchorLowEn: o.anchorsEn?.[0] ?? '',
    anchorHighEn: o.anchorsEn?.[1] ?? '',
    choices: o.choices?.map((c) => ({
      value: c.value,
      labelNl: c.labelNl,
      labelEn: c.labelEn ?? '',
    })) ?? [emptyChoice(0), emptyChoice(1)],
    min: o.min === undefined ? '' : String(o.min),
    max: o.max === undefined ? '' : String(o.max),
    integer: o.integer ?? false,
    maxLength: o.maxLength === undefined ? '' : String(o.maxLength),
    maxNames: o.maxNames === undefined ? '' : String(o.maxNames),
  };
}

const whole = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const decimal = (s: string): number | null => {
  const t = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};
const optional = (s: string): string | null => (s.trim() ? s.trim() : null);

/** A pair of anchors: both (the pair), neither (undefined) or one only (an error). */
function anchors(low: string, high: string): [string, string] | undefined | 'incomplete' {
  const l = low.trim();
  const h = high.trim();
  if (!l && !h) return undefined;
  if (!l || !h) return 'incomplete';
  return [l, h];
}

/**
 * Checks the draft and builds the API input. `takenCodes` are the codes of the wave's other
 * items. Returns every error at once (nothing is sent while there is one).
 */
export function validateDraft(
  d: ItemDraft,
  takenCodes: readonly string[],
): { errors: DraftErrors; input: ItemInput | null } {
  const fields: DraftErrors['fields'] = {};
  const choiceErrors: DraftErrors['choices'] = {};
  const code = d.code.trim();
  if (!code) fields.code = 'required';
  else if (!CODE_PATTERN.test(code)) fields.code = 'codeFormat';
  else if (takenCodes.includes(code)) fields.code = 'codeTaken';
  if (!d.promptNl.trim()) fields.promptNl = 'required';

  const options: ItemOptions = {};
  switch (d.kind) {
    case 'likert': {
      const points = whole(d.points);
      if (points === null || points < 2 || points > 11) fields.points = 'pointsRange';
      else options.points = points;
      const nl = anchors(d.anchorLowNl, d.anchorHighNl);
      const en = anchors(d.anchorLowEn, d.anchorHighEn);
      if (nl === 'incomplete') fields.anchorsNl = 'anchorsIncomplete';
      else if (nl) options.anchorsNl = nl;
      if (en === 'incomplete') fields.anchorsEn = 'anchorsIncomplete';
      else if (en) options.anchorsEn = en;
      break;
    }
    case 'single':
    case 'multiple': {
      if (d.choices.length < 2 || d.choices.length > 30) fields.choices = 'choicesCount';
      const seen = new Set<string>();
      const choices: ItemChoice[] = [];
      d.choices.forEach((c, i) => {
        const value = c.value.trim();
        const row: { value?: string; labelNl?: string } = {};
        if (!CHOICE_VALUE_PATTERN.test(value)) row.value = 'choiceValueFormat';
        else if (seen.has(value)) row.value = 'choiceValueTaken';
        seen.add(value);
        if (!c.labelNl.trim()) row.labelNl = 'required';
        if (row.value || row.labelNl) choiceErrors[i] = row;
        const labelEn = c.labelEn.trim();
        choices.push({ value, labelNl: c.labelNl.trim(), ...(labelEn ? { labelEn } : {}) });
      });
      if (!fields.choices && Object.keys(choiceErrors).length > 0)
        fields.choices = 'choicesInvalid';
      options.choices = choices;
      break;
    }
    case 'number': {
      const min = d.min.trim() ? decimal(d.min) : undefined;
      const max = d.max.trim() ? decimal(d.max) : undefined;
      if (min === null) fields.min = 'notNumber';
      if (max === null) fields.max = 'notNumber';
      if (typeof min === 'number' && typeof max === 'number' && max < min)
        fields.max = 'maxBelowMin';
      if (typeof min === 'number') options.min = min;
      if (typeof max === 'number') options.max = max;
      if (d.integer) options.integer = true;
      break;
    }
    case 'text': {
      if (d.maxLength.trim()) {
        const n = whole(d.maxLength);
        if (n === null || n < 1 || n > 10000) fields.maxLength = 'maxLengthRange';
        else options.maxLength = n;
      }
      break;
    }
    case 'network': {
      if (d.maxNames.trim()) {
        const n = whole(d.maxNames);
        if (n === null || n < 1 || n > 50) fields.maxNames = 'maxNamesRange';
        else options.maxNames = n;
      }
      break;
    }
  }
  const errors = { fields, choices: choiceErrors };
  if (Object.keys(fields).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      code,
      kind: d.kind,
      promptNl: d.promptNl.trim(),
      promptEn: optional(d.promptEn),
      helpNl: optional(d.helpNl),
      helpEn: optional(d.helpEn),
      required: d.required,
      options,
    },
  };
}

/** Moves one entry up (-1) or down (+1); the same array when it cannot move. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [entry] = out.splice(index, 1);
  out.splice(to, 0, entry as T);
  return out;
}

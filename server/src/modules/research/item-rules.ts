import type { ItemKind, ItemOptions } from '../../db/research-wave-types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';

// Questionnaire items: the rules of an item's definition (code, options per kind) and of an
// answer to it. Pure functions: the services list every error these return in one 400.
//
// How answers are stored (research_answers): likert → value_number (1..points); single →
// value_number = the 0-based index of the choice (exports map it back to the choice value);
// number → value_number; multiple → value_json, an array of choice values; network → value_json,
// an array of actor ids (plus one research_named_actors row each); text → value_text_enc.

export const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const CHOICE_VALUE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const TEXT_MAX_DEFAULT = 5000;
export const TEXT_MAX_LIMIT = 10000;
export const NETWORK_MAX_DEFAULT = 10;

/** An answer as the public questionnaire sends and reads it; null clears. */
export type AnswerValue = number | string | string[] | null;

/** The item fields the rules look at. */
export interface ItemDefinition {
  code: string;
  kind: ItemKind;
  options?: ItemOptions | null | undefined;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function anchors(p: string, a: unknown, errors: FieldError[]): void {
  if (a === undefined) return;
  if (!Array.isArray(a) || a.length !== 2 || a.some((x) => typeof x !== 'string' || !x.trim()))
    errors.push(fieldError(p, 'invalid_anchors', 'Two labels: the lowest and the highest point.'));
}

/**
 * Every error in an item's definition, pointers under `prefix` (e.g. '' or '/items/3'), and the
 * options as stored: only the keys of the item's kind, with defaults filled in.
 */
export function checkItem(
  item: ItemDefinition,
  prefix = '',
): { errors: FieldError[]; options: ItemOptions } {
  const errors: FieldError[] = [];
  const o = item.options ?? {};
  const at = (key: string) => `${prefix}/options/${key}`;
  if (!CODE_PATTERN.test(item.code))
    errors.push(
      fieldError(
        `${prefix}/code`,
        'invalid_code',
        'A lowercase letter, then up to 39 lowercase letters, digits or _ (an R/SPSS variable name).',
      ),
    );
  const options: ItemOptions = {};
  switch (item.kind) {
    case 'likert': {
      if (o.points === undefined)
        errors.push(
          fieldError(at('points'), 'required', 'A Likert item needs its number of points.'),
        );
      else if (!isInt(o.points) || o.points < 2 || o.points > 11)
        errors.push(fieldError(at('points'), 'out_of_range', 'Between 2 and 11 points.'));
      anchors(at('anchorsNl'), o.anchorsNl, errors);
      anchors(at('anchorsEn'), o.anchorsEn, errors);
      options.points = o.points;
      if (o.anchorsNl) options.anchorsNl = o.anchorsNl;
      if (o.anchorsEn) options.anchorsEn = o.anchorsEn;
      break;
    }
    case 'single':
    case 'multiple': {
      const choices = o.choices ?? [];
      if (choices.length < 2 || choices.length > 30)
        errors.push(fieldError(at('choices'), 'choice_count', 'Between 2 and 30 choices.'));
      const seen = new Set<string>();
      choices.forEach((c, i) => {
        if (!CHOICE_VALUE_PATTERN.test(c.value))
          errors.push(
            fieldError(
              `${at('choices')}/${i}/value`,
              'invalid_value',
              'Up to 40 letters, digits, _ or -.',
            ),
          );
        else if (seen.has(c.value))
          errors.push(
            fieldError(
              `${at('choices')}/${i}/value`,
              'duplicate_value',
              'Choice values are unique.',
            ),
          );
        seen.add(c.value);
        if (!c.labelNl.trim())
          errors.push(fieldError(`${at('choices')}/${i}/labelNl`, 'required', 'A Dutch label.'));
      });
      options.choices = choices.map((c) => ({
        value: c.value,
        labelNl: c.labelNl,
        ...(c.labelEn ? { labelEn: c.labelEn } : {}),
      }));
      break;
    }
    case 'number': {
      for (const k of ['min', 'max'] as const) {
        const v = o[k];
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v)))
          errors.push(fieldError(at(k), 'invalid_number', 'A finite number.'));
        else if (v !== undefined) options[k] = v;
      }
      if (options.min !== undefined && options.max !== undefined && options.min > options.max)
        errors.push(fieldError(at('max'), 'min_above_max', 'The maximum is below the minimum.'));
      if (o.integer !== undefined) options.integer = o.integer;
      break;
    }
    case 'text': {
      const m = o.maxLength ?? TEXT_MAX_DEFAULT;
      if (!isInt(m) || m < 1 || m > TEXT_MAX_LIMIT)
        errors.push(fieldError(at('maxLength'), 'out_of_range', 'Between 1 and 10000 characters.'));
      options.maxLength = m;
      break;
    }
    case 'network': {
      const m = o.maxNames ?? NETWORK_MAX_DEFAULT;
      if (!isInt(m) || m < 1 || m > 50)
        errors.push(fieldError(at('maxNames'), 'out_of_range', 'Between 1 and 50 names.'));
      options.maxNames = m;
      break;
    }
  }
  return { errors, options };
}

/** What an answer stores: one of the columns, or nothing (cleared). */
export interface StoredAnswer {
  number: number | null;
  json: string[] | null;
  text: string | null;
  /** network: the actors named. */
  actorIds: string[];
}

const cleared = (v: AnswerValue) =>
  v === null || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && !v.trim());

/**
 * Checks an answer against its item and returns what to store (null: the answer is cleared).
 * `candidates`: the actor ids a network item may name.
 */
export function checkAnswer(
  item: ItemDefinition,
  value: AnswerValue,
  candidates: ReadonlySet<string> = new Set(),
): { errors: FieldError[]; stored: StoredAnswer | null } {
  const errors: FieldError[] = [];
  const o = item.options ?? {};
  const bad = (code: string, detail: string, p = '/value') => {
    errors.push(fieldError(p, code, detail));
    return { errors, stored: null };
  };
  if (cleared(value)) return { errors, stored: null };
  const stored: StoredAnswer = { number: null, json: null, text: null, actorIds: [] };
  const strings = (v: AnswerValue): string[] | null =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...new Set(v)] : null;
  switch (item.kind) {
    case 'likert':
      if (!isInt(value) || value < 1 || value > (o.points ?? 0))
        return bad('out_of_range', `A whole number from 1 to ${o.points ?? 0}.`);
      stored.number = value;
      break;
    case 'single': {
      const i = (o.choices ?? []).findIndex((c) => c.value === value);
      if (typeof value !== 'string' || i < 0)
        return bad('unknown_choice', 'Not one of the choices.');
      stored.number = i;
      break;
    }
    case 'multiple': {
      const list = strings(value);
      if (!list) return bad('invalid_type', 'A list of choice values.');
      const known = new Set((o.choices ?? []).map((c) => c.value));
      list.forEach((v, i) => {
        if (!known.has(v))
          errors.push(fieldError(`/value/${i}`, 'unknown_choice', 'Not one of the choices.'));
      });
      // Stored in the order of the choices, so equal answers are equal rows.
      stored.json = (o.choices ?? []).map((c) => c.value).filter((v) => list.includes(v));
      break;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return bad('invalid_type', 'A number.');
      if (o.integer && !Number.isInteger(value)) bad('not_integer', 'A whole number.');
      if (o.min !== undefined && value < o.min) bad('out_of_range', `At least ${o.min}.`);
      if (o.max !== undefined && value > o.max) bad('out_of_range', `At most ${o.max}.`);
      stored.number = value;
      break;
    case 'text': {
      if (typeof value !== 'string') return bad('invalid_type', 'Text.');
      const max = o.maxLength ?? TEXT_MAX_DEFAULT;
      if (value.length > max) return bad('too_long', `At most ${max} characters.`);
      stored.text = value;
      break;
    }
    case 'network': {
      const list = strings(value);
      if (!list) return bad('invalid_type', 'A list of actor ids.');
      const max = o.maxNames ?? NETWORK_MAX_DEFAULT;
      if (list.length > max) bad('too_many', `At most ${max} names.`);
      list.forEach((id, i) => {
        if (!candidates.has(id))
          errors.push(
            fieldError(`/value/${i}`, 'unknown_actor', 'Not one of the names to choose from.'),
          );
      });
      stored.json = list;
      stored.actorIds = list;
      break;
    }
  }
  return errors.length ? { errors, stored: null } : { errors, stored };
}

/** The answer as the questionnaire shows it again, from the stored columns (text decrypted). */
export function answerValueOf(
  item: ItemDefinition,
  row: { value_number: number | null; value_json: string | null },
  text: string | null,
): AnswerValue {
  switch (item.kind) {
    case 'likert':
    case 'number':
      return row.value_number === null ? null : Number(row.value_number);
    case 'single':
      return row.value_number === null
        ? null
        : (item.options?.choices?.[Number(row.value_number)]?.value ?? null);
    case 'multiple':
    case 'network':
      return row.value_json === null ? null : (JSON.parse(row.value_json) as string[]);
    case 'text':
      return text;
  }
}

/** The codes of required items without an answer, in questionnaire order. */
export const missingRequired = (
  items: readonly { id: string; code: string; required: boolean }[],
  answered: ReadonlySet<string>,
) => items.filter((i) => i.required && !answered.has(i.id)).map((i) => i.code);

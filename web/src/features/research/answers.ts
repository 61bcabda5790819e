import type { AnswerValue, Item, ItemOptions } from './types.ts';

// Pure helpers of the public questionnaire: texts in the invitation's language, what counts as
// answered, the Likert scale and the checks of a number answer before it is saved.

export type Lang = 'nl' | 'en';

/** The prompt in the language, falling back to Dutch when there is no English text. */
export const promptOf = (item: Pick<Item, 'promptNl' | 'promptEn'>, lang: Lang): string =>
  lang === 'en' && item.promptEn ? item.promptEn : item.promptNl;

export const helpOf = (item: Pick<Item, 'helpNl' | 'helpEn'>, lang: Lang): string | null =>
  lang === 'en' && item.helpEn ? item.helpEn : item.helpNl;

/** An answer that counts: not null, not blank text, not an empty list. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return Number.isFinite(value);
}

/** The required items without an answer, in questionnaire order. */
export function missingRequired<I extends Pick<Item, 'id' | 'required'>>(
  items: readonly I[],
  answers: Readonly<Record<string, AnswerValue>>,
): I[] {
  return items.filter((item) => item.required && !isAnswered(answers[item.id]));
}

/** The points of a Likert item (1..points) with the anchors on the first and last. */
export function likertScale(options: ItemOptions, lang: Lang): { value: string; label: string }[] {
  const points = options.points ?? 5;
  const anchors = lang === 'en' ? (options.anchorsEn ?? options.anchorsNl) : options.anchorsNl;
  return Array.from({ length: points }, (_, i) => {
    const n = i + 1;
    const anchor = i === 0 ? anchors?.[0] : i === points - 1 ? anchors?.[1] : undefined;
    return { value: String(n), label: anchor ? `${n} – ${anchor}` : String(n) };
  });
}

export const choiceLabel = (choice: { labelNl: string; labelEn?: string }, lang: Lang): string =>
  lang === 'en' && choice.labelEn ? choice.labelEn : choice.labelNl;

export type NumberProblem = 'notNumber' | 'notInteger' | 'belowMin' | 'aboveMax';

/**
 * A typed number answer: the value to save (null for an empty field) or why it cannot be saved.
 * Accepts a decimal comma.
 */
export function parseNumberAnswer(
  text: string,
  options: ItemOptions,
): { value: number | null } | { problem: NumberProblem } {
  const t = text.trim().replace(',', '.');
  if (t === '') return { value: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { problem: 'notNumber' };
  const n = Number(t);
  if (options.integer && !Number.isInteger(n)) return { problem: 'notInteger' };
  if (options.min !== undefined && n < options.min) return { problem: 'belowMin' };
  if (options.max !== undefined && n > options.max) return { problem: 'aboveMax' };
  return { value: n };
}

/** Candidates whose name contains the filter (case- and accent-insensitive); chosen ones stay. */
export function filterCandidates<C extends { id: string; name: string }>(
  candidates: readonly C[],
  filter: string,
  chosen: readonly string[],
): C[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const f = fold(filter.trim());
  if (!f) return [...candidates];
  return candidates.filter((c) => chosen.includes(c.id) || fold(c.name).includes(f));
}

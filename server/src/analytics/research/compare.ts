import type { ItemKind, ItemOptions } from '../../db/research-wave-types.ts';

// Comparing the waves of a study: per-item distributions and statistics per wave, the paired
// change of each participant between two waves and the attrition from wave to wave. Items are
// matched across waves by their code. Pure functions: rows in, numbers out; the order of the
// input rows never changes the result.

export interface CompareWave {
  id: string;
  title: string;
  startsOn: string;
}

export interface CompareItem {
  waveId: string;
  code: string;
  kind: ItemKind;
  position: number;
  promptNl: string;
  promptEn: string | null;
  options: ItemOptions;
}

/**
 * A decoded answer: a number (likert, number), a choice value (single), choice values
 * (multiple), actor ids (network) or the text (text; comparison passes any string, it counts).
 */
export type AnswerValue = number | string | string[];

export interface CompareAnswer {
  waveId: string;
  code: string;
  pseudonym: string;
  value: AnswerValue;
}

export interface Stats {
  n: number;
  mean: number | null;
  median: number | null;
  /** The sample standard deviation (n − 1); null under two values. */
  sd: number | null;
}

export interface DistributionBin {
  value: string | number;
  label: string;
  count: number;
}

export interface ItemWave extends Stats {
  waveId: string;
  distribution: DistributionBin[];
}

export interface PairedChange {
  pseudonym: string;
  from: number | null;
  to: number | null;
  change: number | null;
}

export interface Paired {
  fromWaveId: string;
  toWaveId: string;
  /** Participants with a value in both waves. */
  n: number;
  meanChange: number | null;
  changes: PairedChange[];
}

export interface ItemComparison {
  code: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string | null;
  waves: ItemWave[];
  paired: Paired | null;
}

export interface Attrition {
  waveId: string;
  respondents: number;
  /** Respondents of the previous wave who answered this one too. */
  retained: number;
  /** Respondents of the previous wave who did not answer this one. */
  lost: number;
  /** Respondents of this wave who did not answer the previous one. */
  new: number;
}

export interface Comparison {
  waves: (CompareWave & { respondents: number })[];
  items: ItemComparison[];
  attrition: Attrition[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Waves in study order: by start date, then id (a stable tie-break). */
export const orderWaves = <W extends CompareWave>(waves: readonly W[]): W[] =>
  [...waves].sort((a, b) => byString(a.startsOn, b.startsOn) || byString(a.id, b.id));

/** Mean, median and sample standard deviation; nulls when there are no values. */
export function stats(values: readonly number[]): Stats {
  const n = values.length;
  if (!n) return { n, mean: null, median: null, sd: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const sd = n < 2 ? null : Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, median, sd };
}

const isNumeric = (kind: ItemKind) => kind === 'likert' || kind === 'number';

/** A likert point's label: the Dutch anchor at either end, otherwise the number itself. */
export function likertLabel(options: ItemOptions, value: number): string {
  const points = options.points ?? 5;
  if (options.anchorsNl && value === 1) return `1 (${options.anchorsNl[0]})`;
  if (options.anchorsNl && value === points) return `${points} (${options.anchorsNl[1]})`;
  return String(value);
}

/**
 * The distribution of an item's answers in one wave: likert points 1..points, choices in their
 * order (values not among the choices after them), the number of names for a network item.
 * Number and text items have none.
 */
export function distribution(
  kind: ItemKind,
  options: ItemOptions,
  values: readonly AnswerValue[],
): DistributionBin[] {
  const count = (keys: (string | number)[]) => {
    const m = new Map<string | number, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  if (kind === 'likert') {
    const counts = count(values.filter((v): v is number => typeof v === 'number'));
    const points = options.points ?? 5;
    const bins = Array.from({ length: points }, (_, i) => ({
      value: i + 1,
      label: likertLabel(options, i + 1),
      count: counts.get(i + 1) ?? 0,
    }));
    const others = [...counts.keys()]
      .filter((k) => typeof k === 'number' && (k < 1 || k > points || !Number.isInteger(k)))
      .sort((a, b) => Number(a) - Number(b));
    return [...bins, ...others.map((v) => ({ value: v, label: String(v), count: counts.get(v)! }))];
  }
  if (kind === 'single' || kind === 'multiple') {
    const picked = values.flatMap((v) =>
      Array.isArray(v) ? [...new Set(v)] : typeof v === 'string' ? [v] : [],
    );
    const counts = count(picked);
    const choices = options.choices ?? [];
    const known = new Set(choices.map((c) => c.value));
    const others = [...counts.keys()].map(String).filter((k) => !known.has(k));
    return [
      ...choices.map((c) => ({
        value: c.value,
        label: c.labelNl,
        count: counts.get(c.value) ?? 0,
      })),
      ...others.sort(byString).map((v) => ({ value: v, label: v, count: counts.get(v)! })),
    ];
  }
  if (kind === 'network') {
    const counts = count(values.map((v) => (Array.isArray(v) ? v.length : 0)));
    const max = Math.max(0, ...[...counts.keys()].map(Number));
    return Array.from({ length: max + 1 }, (_, k) => ({
      value: k,
      label: String(k),
      count: counts.get(k) ?? 0,
    }));
  }
  return [];
}

/**
 * Each participant's change between two waves, by pseudonym: everyone with a value in either
 * wave is listed (change null when one is missing); n and the mean change count the pairs only.
 */
export function pairedChange(
  fromWaveId: string,
  toWaveId: string,
  from: ReadonlyMap<string, number>,
  to: ReadonlyMap<string, number>,
): Paired {
  const pseudonyms = [...new Set([...from.keys(), ...to.keys()])].sort(byString);
  const changes = pseudonyms.map((pseudonym) => {
    const a = from.get(pseudonym) ?? null;
    const b = to.get(pseudonym) ?? null;
    return { pseudonym, from: a, to: b, change: a !== null && b !== null ? b - a : null };
  });
  const diffs = changes.flatMap((c) => (c.change === null ? [] : [c.change]));
  return {
    fromWaveId,
    toWaveId,
    n: diffs.length,
    meanChange: diffs.length ? diffs.reduce((s, d) => s + d, 0) / diffs.length : null,
    changes,
  };
}

/** Respondents per wave and who stayed, left or joined since the previous wave. */
export function attrition(
  waves: readonly CompareWave[],
  respondents: ReadonlyMap<string, ReadonlySet<string>>,
): Attrition[] {
  let previous: ReadonlySet<string> | null = null;
  return orderWaves(waves).map((w) => {
    const now = respondents.get(w.id) ?? new Set<string>();
    const retained = previous ? [...now].filter((p) => previous!.has(p)).length : 0;
    const lost = previous ? previous.size - retained : 0;
    previous = now;
    return { waveId: w.id, respondents: now.size, retained, lost, new: now.size - retained };
  });
}

/** Item codes in the order of the latest wave, then those only earlier waves have. */
function itemOrder(waves: CompareWave[], items: readonly CompareItem[]): string[] {
  const codes: string[] = [];
  for (const w of [...waves].reverse())
    for (const it of items
      .filter((i) => i.waveId === w.id)
      .sort((a, b) => a.position - b.position || byString(a.code, b.code)))
      if (!codes.includes(it.code)) codes.push(it.code);
  return codes;
}

export interface PairChoice {
  fromWaveId: string;
  toWaveId: string;
}

/**
 * The whole comparison. An item's kind and prompts come from the latest wave that has it; a wave
 * where the same code has another kind is left out of that item. `pair` chooses the two waves of
 * the paired change; by default the two latest waves that share the item.
 */
export function compareWaves(
  wavesIn: readonly CompareWave[],
  items: readonly CompareItem[],
  answers: readonly CompareAnswer[],
  pair?: PairChoice,
): Comparison {
  const waves = orderWaves(wavesIn);
  const respondents = new Map<string, Set<string>>(waves.map((w) => [w.id, new Set<string>()]));
  const byItem = new Map<string, AnswerValue[]>();
  const numeric = new Map<string, Map<string, number>>();
  for (const a of answers) {
    respondents.get(a.waveId)?.add(a.pseudonym);
    const key = `${a.waveId}\u0000${a.code}`;
    byItem.set(key, [...(byItem.get(key) ?? []), a.value]);
    if (typeof a.value === 'number') {
      const m = numeric.get(key) ?? new Map<string, number>();
      m.set(a.pseudonym, a.value);
      numeric.set(key, m);
    }
  }
  const out: ItemComparison[] = itemOrder(waves, items).map((code) => {
    const inWaves = waves.flatMap((w) => {
      const it = items.find((i) => i.waveId === w.id && i.code === code);
      return it ? [{ wave: w, item: it }] : [];
    });
    const ref = inWaves[inWaves.length - 1]!.item;
    const same = inWaves.filter((x) => x.item.kind === ref.kind);
    const itemWaves = same.map(({ wave, item }) => {
      const values = byItem.get(`${wave.id}\u0000${code}`) ?? [];
      const s = isNumeric(ref.kind)
        ? stats(values.filter((v): v is number => typeof v === 'number'))
        : { n: values.length, mean: null, median: null, sd: null };
      return { waveId: wave.id, ...s, distribution: distribution(ref.kind, item.options, values) };
    });
    let paired: Paired | null = null;
    const ids = same.map((x) => x.wave.id);
    const chosen = pair
      ? ids.includes(pair.fromWaveId) && ids.includes(pair.toWaveId)
        ? pair
        : null
      : ids.length >= 2
        ? { fromWaveId: ids[ids.length - 2]!, toWaveId: ids[ids.length - 1]! }
        : null;
    if (isNumeric(ref.kind) && chosen) {
      const m = (w: string) => numeric.get(`${w}\u0000${code}`) ?? new Map<string, number>();
      paired = pairedChange(
        chosen.fromWaveId,
        chosen.toWaveId,
        m(chosen.fromWaveId),
        m(chosen.toWaveId),
      );
    }
    return {
      code,
      kind: ref.kind,
      promptNl: ref.promptNl,
      promptEn: ref.promptEn,
      waves: itemWaves,
      paired,
    };
  });
  return {
    waves: waves.map((w) => ({
      id: w.id,
      title: w.title,
      startsOn: w.startsOn,
      respondents: respondents.get(w.id)!.size,
    })),
    items: out,
    attrition: attrition(waves, respondents),
  };
}

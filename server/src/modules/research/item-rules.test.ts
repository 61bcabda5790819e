import { describe, expect, it } from 'vitest';
import {
  answerValueOf,
  checkAnswer,
  checkItem,
  missingRequired,
  type ItemDefinition,
} from './item-rules.ts';

const pointers = (errors: { pointer: string; code: string }[]) =>
  errors.map((e) => [e.pointer, e.code]);

const likert: ItemDefinition = { code: 'tevreden', kind: 'likert', options: { points: 5 } };
const single: ItemDefinition = {
  code: 'rol',
  kind: 'single',
  options: {
    choices: [
      { value: 'bewoner', labelNl: 'Bewoner' },
      { value: 'pro', labelNl: 'Professional' },
    ],
  },
};
const multiple: ItemDefinition = { ...single, code: 'thema', kind: 'multiple' };

describe('item definitions', () => {
  it('accepts R/SPSS-friendly codes only', () => {
    for (const code of ['a', 'tevreden_2', 'x'.repeat(40)])
      expect(checkItem({ ...likert, code }).errors).toEqual([]);
    for (const code of ['', '2a', 'Tevreden', 'met spatie', 'a-b', 'x'.repeat(41), '_a'])
      expect(pointers(checkItem({ ...likert, code }).errors)).toEqual([['/code', 'invalid_code']]);
  });

  it('checks likert points and anchors', () => {
    expect(checkItem({ ...likert, options: { points: 2 } }).errors).toEqual([]);
    expect(checkItem({ ...likert, options: { points: 11 } }).errors).toEqual([]);
    for (const points of [1, 12, 4.5])
      expect(pointers(checkItem({ ...likert, options: { points } }).errors)).toEqual([
        ['/options/points', 'out_of_range'],
      ]);
    expect(pointers(checkItem({ ...likert, options: {} }, '/items/0').errors)).toEqual([
      ['/items/0/options/points', 'required'],
    ]);
    const bad = checkItem({
      ...likert,
      options: { points: 5, anchorsNl: ['Oneens', ' '] },
    });
    expect(pointers(bad.errors)).toEqual([['/options/anchorsNl', 'invalid_anchors']]);
  });

  it('checks choices: 2–30, valid and unique values, a Dutch label', () => {
    expect(checkItem(single).errors).toEqual([]);
    const one = checkItem({ ...single, options: { choices: [{ value: 'a', labelNl: 'A' }] } });
    expect(pointers(one.errors)).toEqual([['/options/choices', 'choice_count']]);
    const many = Array.from({ length: 31 }, (_, i) => ({ value: `v${i}`, labelNl: `V${i}` }));
    expect(pointers(checkItem({ ...multiple, options: { choices: many } }).errors)).toEqual([
      ['/options/choices', 'choice_count'],
    ]);
    const bad = checkItem({
      ...single,
      options: {
        choices: [
          { value: 'a', labelNl: 'A' },
          { value: 'a', labelNl: 'B' },
          { value: 'met spatie', labelNl: 'C' },
          { value: 'd', labelNl: ' ' },
        ],
      },
    });
    expect(pointers(bad.errors)).toEqual([
      ['/options/choices/1/value', 'duplicate_value'],
      ['/options/choices/2/value', 'invalid_value'],
      ['/options/choices/3/labelNl', 'required'],
    ]);
  });

  it('checks number bounds, text length and network size, with defaults', () => {
    expect(checkItem({ code: 'n', kind: 'number', options: { min: 0, max: 10 } }).errors).toEqual(
      [],
    );
    expect(
      pointers(checkItem({ code: 'n', kind: 'number', options: { min: 5, max: 1 } }).errors),
    ).toEqual([['/options/max', 'min_above_max']]);
    expect(checkItem({ code: 't', kind: 'text' }).options).toEqual({ maxLength: 5000 });
    expect(
      pointers(checkItem({ code: 't', kind: 'text', options: { maxLength: 10001 } }).errors),
    ).toEqual([['/options/maxLength', 'out_of_range']]);
    expect(checkItem({ code: 'w', kind: 'network' }).options).toEqual({ maxNames: 10 });
    for (const maxNames of [0, 51])
      expect(
        pointers(checkItem({ code: 'w', kind: 'network', options: { maxNames } }).errors),
      ).toEqual([['/options/maxNames', 'out_of_range']]);
  });

  it('keeps only the options of the item’s kind', () => {
    expect(
      checkItem({ code: 't', kind: 'text', options: { points: 5, maxLength: 200 } }).options,
    ).toEqual({ maxLength: 200 });
  });
});

describe('answers', () => {
  it('likert: whole numbers 1..points', () => {
    expect(checkAnswer(likert, 5).stored?.number).toBe(5);
    for (const v of [0, 6, 2.5, 'drie'])
      expect(pointers(checkAnswer(likert, v).errors)).toEqual([['/value', 'out_of_range']]);
  });

  it('single: a choice value, stored as its index', () => {
    expect(checkAnswer(single, 'pro').stored?.number).toBe(1);
    expect(answerValueOf(single, { value_number: 1, value_json: null }, null)).toBe('pro');
    expect(pointers(checkAnswer(single, 'anders').errors)).toEqual([['/value', 'unknown_choice']]);
    expect(pointers(checkAnswer(single, 1).errors)).toEqual([['/value', 'unknown_choice']]);
  });

  it('multiple: known values, in choice order, each unknown one listed', () => {
    expect(checkAnswer(multiple, ['pro', 'bewoner', 'pro']).stored?.json).toEqual([
      'bewoner',
      'pro',
    ]);
    expect(pointers(checkAnswer(multiple, ['x', 'pro', 'y']).errors)).toEqual([
      ['/value/0', 'unknown_choice'],
      ['/value/2', 'unknown_choice'],
    ]);
  });

  it('number: bounds and whole numbers', () => {
    const n: ItemDefinition = {
      code: 'n',
      kind: 'number',
      options: { min: 0, max: 10, integer: true },
    };
    expect(checkAnswer(n, 10).stored?.number).toBe(10);
    expect(pointers(checkAnswer(n, 11).errors)).toEqual([['/value', 'out_of_range']]);
    expect(pointers(checkAnswer(n, -0.5).errors)).toEqual([
      ['/value', 'not_integer'],
      ['/value', 'out_of_range'],
    ]);
    expect(pointers(checkAnswer(n, 'tien').errors)).toEqual([['/value', 'invalid_type']]);
  });

  it('text: up to maxLength', () => {
    const t: ItemDefinition = { code: 't', kind: 'text', options: { maxLength: 5 } };
    expect(checkAnswer(t, 'hallo').stored?.text).toBe('hallo');
    expect(pointers(checkAnswer(t, 'hallo!').errors)).toEqual([['/value', 'too_long']]);
  });

  it('network: candidates only, at most maxNames', () => {
    const w: ItemDefinition = { code: 'w', kind: 'network', options: { maxNames: 2 } };
    const c = new Set(['a1', 'a2', 'a3']);
    expect(checkAnswer(w, ['a1', 'a2'], c).stored?.actorIds).toEqual(['a1', 'a2']);
    expect(pointers(checkAnswer(w, ['a1', 'zz', 'a3'], c).errors)).toEqual([
      ['/value', 'too_many'],
      ['/value/1', 'unknown_actor'],
    ]);
  });

  it('null, an empty list or blank text clears', () => {
    for (const [item, v] of [
      [likert, null],
      [multiple, []],
      [{ code: 't', kind: 'text' }, '  '],
    ] as const) {
      const r = checkAnswer(item, v as never);
      expect(r).toEqual({ errors: [], stored: null });
    }
  });

  it('lists required items without an answer, in order', () => {
    const items = [
      { id: '1', code: 'a', required: true },
      { id: '2', code: 'b', required: false },
      { id: '3', code: 'c', required: true },
      { id: '4', code: 'd', required: true },
    ];
    expect(missingRequired(items, new Set(['3']))).toEqual(['a', 'd']);
  });
});

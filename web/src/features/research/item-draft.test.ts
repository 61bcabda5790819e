import { describe, expect, it } from 'vitest';
import { draftFromItem, move, nextChoice, validateDraft, type ItemDraft } from './item-draft.ts';
import type { Item } from './types.ts';

const draft = (change: Partial<ItemDraft>): ItemDraft => ({
  ...draftFromItem(),
  code: 'trust',
  promptNl: 'Hoeveel vertrouwen heeft u in uw buren?',
  ...change,
});

describe('validateDraft', () => {
  it('builds a Likert item with anchors and trimmed, optional texts', () => {
    const { errors, input } = validateDraft(
      draft({ points: '7', anchorLowNl: 'geen', anchorHighNl: 'veel', promptEn: '  ' }),
      [],
    );
    expect(errors.fields).toEqual({});
    expect(input).toEqual({
      code: 'trust',
      kind: 'likert',
      promptNl: 'Hoeveel vertrouwen heeft u in uw buren?',
      promptEn: null,
      helpNl: null,
      helpEn: null,
      required: false,
      options: { points: 7, anchorsNl: ['geen', 'veel'] },
    });
  });

  it('lists every problem at once and builds nothing', () => {
    const { errors, input } = validateDraft(
      draft({ code: 'Trust', promptNl: ' ', points: '12', anchorLowEn: 'none' }),
      [],
    );
    expect(input).toBeNull();
    expect(errors.fields).toEqual({
      code: 'codeFormat',
      promptNl: 'required',
      points: 'pointsRange',
      anchorsEn: 'anchorsIncomplete',
    });
  });

  it('refuses a code another item of the wave has', () => {
    expect(validateDraft(draft({}), ['age', 'trust']).errors.fields.code).toBe('codeTaken');
    expect(validateDraft(draft({ code: 'a'.repeat(41) }), []).errors.fields.code).toBe(
      'codeFormat',
    );
  });

  it('checks choices: count, value format, duplicates and Dutch labels, per row', () => {
    const one = validateDraft(
      draft({ kind: 'single', choices: [{ value: '1', labelNl: 'ja', labelEn: '' }] }),
      [],
    );
    expect(one.errors.fields.choices).toBe('choicesCount');
    const bad = validateDraft(
      draft({
        kind: 'multiple',
        choices: [
          { value: 'a', labelNl: 'A', labelEn: 'A' },
          { value: 'a', labelNl: 'B', labelEn: '' },
          { value: 'c d', labelNl: '', labelEn: '' },
        ],
      }),
      [],
    );
    expect(bad.input).toBeNull();
    expect(bad.errors.fields.choices).toBe('choicesInvalid');
    expect(bad.errors.choices).toEqual({
      1: { value: 'choiceValueTaken' },
      2: { value: 'choiceValueFormat', labelNl: 'required' },
    });
    const good = validateDraft(
      draft({
        kind: 'single',
        choices: [
          { value: 'yes', labelNl: 'Ja', labelEn: 'Yes' },
          { value: 'no', labelNl: 'Nee', labelEn: ' ' },
        ],
      }),
      [],
    );
    expect(good.input?.options).toEqual({
      choices: [
        { value: 'yes', labelNl: 'Ja', labelEn: 'Yes' },
        { value: 'no', labelNl: 'Nee' },
      ],
    });
  });

  it('checks number bounds, decimal commas and max below min', () => {
    expect(
      validateDraft(draft({ kind: 'number', min: '0', max: '2,5', integer: true }), []).input
        ?.options,
    ).toEqual({ min: 0, max: 2.5, integer: true });
    expect(validateDraft(draft({ kind: 'number', min: 'x', max: '' }), []).errors.fields).toEqual({
      min: 'notNumber',
    });
    expect(validateDraft(draft({ kind: 'number', min: '10', max: '5' }), []).errors.fields).toEqual(
      { max: 'maxBelowMin' },
    );
  });

  it('checks text length and network name limits; empty means the default', () => {
    expect(validateDraft(draft({ kind: 'text', maxLength: '' }), []).input?.options).toEqual({});
    expect(validateDraft(draft({ kind: 'text', maxLength: '10001' }), []).errors.fields).toEqual({
      maxLength: 'maxLengthRange',
    });
    expect(validateDraft(draft({ kind: 'network', maxNames: '20' }), []).input?.options).toEqual({
      maxNames: 20,
    });
    expect(validateDraft(draft({ kind: 'network', maxNames: '0' }), []).errors.fields).toEqual({
      maxNames: 'maxNamesRange',
    });
  });

  it('ignores the options of other kinds left in the form', () => {
    const { input } = validateDraft(draft({ kind: 'text', points: 'nonsense', min: 'x' }), []);
    expect(input?.options).toEqual({});
  });
});

describe('draftFromItem', () => {
  it('round-trips an existing item through the form', () => {
    const item: Item = {
      id: 'i1',
      position: 1,
      code: 'contacts',
      kind: 'number',
      promptNl: 'Hoeveel?',
      promptEn: 'How many?',
      helpNl: null,
      helpEn: null,
      required: true,
      options: { min: 0, max: 100, integer: true },
    };
    const { id: _id, position: _position, ...rest } = item;
    expect(validateDraft(draftFromItem(item), []).input).toEqual(rest);
  });
});

describe('move and nextChoice', () => {
  it('moves an entry up or down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('gives a new choice a value not in use', () => {
    const c = (value: string) => ({ value, labelNl: '', labelEn: '' });
    expect(nextChoice([c('1'), c('2')]).value).toBe('3');
    expect(nextChoice([c('1'), c('3')]).value).toBe('4');
  });
});

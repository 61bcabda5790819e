import { describe, expect, it } from 'vitest';
import { cleanNumber } from './values.ts';

describe('cleanNumber', () => {
  it.each([
    [12, 12],
    ['  103435', 103435],
    ['    23.7', 23.7],
    ['23,7', 23.7],
    ['       .', null],
    ['', null],
    [null, null],
    [undefined, null],
    [-99997, null],
    [-99990, null],
    ['-99995', null],
    [-5, -5],
  ])('%j → %j', (raw, value) => {
    expect(cleanNumber(raw)).toEqual({ ok: true, value });
  });

  it.each(['abc', '12a', {}, [], Infinity, NaN, true])('refuses %j', (raw) => {
    expect(cleanNumber(raw)).toEqual({ ok: false });
  });
});

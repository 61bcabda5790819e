import { describe, expect, it } from 'vitest';
import { gemeenteOf, isCbsCode, levelOf, parentCode } from './codes.ts';

describe('CBS codes', () => {
  it('recognises the three levels, letters included (Amsterdam)', () => {
    expect(levelOf('GM0599')).toBe('gemeente');
    expect(levelOf('WK059901')).toBe('wijk');
    expect(levelOf('WK0363AF')).toBe('wijk');
    expect(levelOf('BU05990110')).toBe('buurt');
    expect(levelOf('BU0363AF09')).toBe('buurt');
  });

  it.each([
    '',
    'GM599',
    'GM05990',
    'gm0599',
    'WK0599',
    'WK05990a',
    'BU0599011',
    'XX059901',
    ' GM0599',
  ])('rejects %j', (code) => {
    expect(isCbsCode(code)).toBe(false);
  });

  it('derives the parent code', () => {
    expect(parentCode('BU05990110')).toBe('WK059901');
    expect(parentCode('WK059901')).toBe('GM0599');
    expect(parentCode('GM0599')).toBeNull();
    expect(parentCode('nonsense')).toBeNull();
    expect(gemeenteOf('BU0363AF09')).toBe('GM0363');
  });
});

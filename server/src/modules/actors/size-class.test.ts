import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetBands, sizeClasses, type BudgetBand } from '../../db/types.ts';
import { deriveSizeClass } from './size-class.ts';

const none = { budgetBand: null, staffCount: null, override: null };

describe('deriveSizeClass', () => {
  it('is small when nothing is known', () => {
    expect(deriveSizeClass(none)).toBe('small');
  });

  it('is large from a budget of €1 million', () => {
    const by = (budgetBand: BudgetBand) => deriveSizeClass({ ...none, budgetBand });
    expect(by('lt_100k')).toBe('small');
    expect(by('100k_1m')).toBe('small');
    expect(by('1m_10m')).toBe('large');
    expect(by('gt_10m')).toBe('large');
  });

  it('is large from 50 staff', () => {
    expect(deriveSizeClass({ ...none, staffCount: 0 })).toBe('small');
    expect(deriveSizeClass({ ...none, staffCount: 49 })).toBe('small');
    expect(deriveSizeClass({ ...none, staffCount: 50 })).toBe('large');
    expect(deriveSizeClass({ ...none, staffCount: 5000 })).toBe('large');
    // Either criterion is enough.
    expect(deriveSizeClass({ ...none, budgetBand: 'lt_100k', staffCount: 80 })).toBe('large');
    expect(deriveSizeClass({ ...none, budgetBand: 'gt_10m', staffCount: 3 })).toBe('large');
  });

  it('lets the override win in both directions', () => {
    expect(deriveSizeClass({ budgetBand: 'gt_10m', staffCount: 900, override: 'small' })).toBe(
      'small',
    );
    expect(deriveSizeClass({ budgetBand: 'lt_100k', staffCount: 2, override: 'large' })).toBe(
      'large',
    );
    expect(deriveSizeClass({ ...none, override: 'large' })).toBe('large');
  });

  it('always answers the override when there is one, and is monotone in staff otherwise', () => {
    const band = fc.option(fc.constantFrom(...budgetBands), { nil: null });
    const staff = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
    fc.assert(
      fc.property(band, staff, fc.constantFrom(...sizeClasses), (budgetBand, staffCount, o) => {
        expect(deriveSizeClass({ budgetBand, staffCount, override: o })).toBe(o);
      }),
    );
    fc.assert(
      fc.property(band, fc.integer({ min: 0, max: 100_000 }), fc.nat(1000), (b, s, more) => {
        // More staff never makes an organisation smaller.
        const before = deriveSizeClass({ budgetBand: b, staffCount: s, override: null });
        const after = deriveSizeClass({ budgetBand: b, staffCount: s + more, override: null });
        if (before === 'large') expect(after).toBe('large');
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairTrust, tieCurrentOn, trustLookup, type TrustTie } from './trust.ts';

const tie = (extra: Partial<TrustTie> = {}): TrustTie => ({
  fromId: 'p',
  toId: 'r',
  type: 'collaboration',
  intensity: 'coordinated',
  start: '2025-01-01',
  end: null,
  ...extra,
});
const ON = '2026-06-01';

describe('trust from ties', () => {
  it('is 0 without ties, and the strongest current positive tie by intensity', () => {
    expect(pairTrust([], 'p', 'r', ON)).toBe(0);
    expect(pairTrust([tie({ intensity: 'awareness' })], 'p', 'r', ON)).toBe(0.25);
    expect(pairTrust([tie({ intensity: 'cooperative', type: 'referral' })], 'p', 'r', ON)).toBe(
      0.5,
    );
    expect(
      pairTrust(
        [tie({ intensity: 'awareness' }), tie({ type: 'support', intensity: 'integrated' })],
        'p',
        'r',
        ON,
      ),
    ).toBe(1);
  });

  it('counts either direction, and ignores ties of other pairs', () => {
    expect(pairTrust([tie({ fromId: 'r', toId: 'p' })], 'p', 'r', ON)).toBe(0.75);
    expect(pairTrust([tie({ toId: 'x' })], 'p', 'r', ON)).toBe(0);
    const lookup = trustLookup([tie(), tie({ fromId: 'q', intensity: 'awareness' })], ON);
    expect([lookup('p', 'r'), lookup('r', 'p'), lookup('q', 'r'), lookup('p', 'q')]).toEqual([
      0.75, 0.75, 0.25, 0,
    ]);
  });

  it('counts only ties current on the day', () => {
    expect(pairTrust([tie({ end: '2026-05-31' })], 'p', 'r', ON)).toBe(0);
    expect(pairTrust([tie({ start: '2026-06-02' })], 'p', 'r', ON)).toBe(0);
    expect(pairTrust([tie({ start: ON, end: ON })], 'p', 'r', ON)).toBe(0.75);
    expect(tieCurrentOn({ start: '2026-01-01', end: null }, '2030-01-01')).toBe(true);
  });

  it('lowers trust by tension (half its intensity) and obstruction (all of it)', () => {
    const base = tie({ intensity: 'integrated' });
    expect(
      pairTrust([base, tie({ type: 'tension', intensity: 'cooperative' })], 'p', 'r', ON),
    ).toBe(0.75);
    expect(
      pairTrust([base, tie({ type: 'obstruction', intensity: 'cooperative' })], 'p', 'r', ON),
    ).toBe(0.5);
    expect(
      pairTrust([base, tie({ type: 'obstruction', intensity: 'integrated' })], 'p', 'r', ON),
    ).toBe(0);
    // The heaviest negative tie counts, not the sum.
    expect(
      pairTrust(
        [
          base,
          tie({ type: 'tension', intensity: 'integrated' }),
          tie({ type: 'obstruction', intensity: 'awareness' }),
        ],
        'p',
        'r',
        ON,
      ),
    ).toBe(0.5);
    expect(pairTrust([tie({ type: 'tension' })], 'p', 'r', ON)).toBe(0);
  });

  it('stays in [0, 1], ignores unknown values, and adding a positive tie never lowers it', () => {
    const arb = fc.record({
      fromId: fc.constantFrom('p', 'r', 'x'),
      toId: fc.constantFrom('p', 'r', 'x'),
      type: fc.constantFrom(
        'collaboration',
        'support',
        'funding',
        'referral',
        'information_exchange',
        'tension',
        'obstruction',
        'nonsense',
      ),
      intensity: fc.constantFrom('awareness', 'cooperative', 'coordinated', 'integrated', '?'),
      start: fc.constantFrom('2025-01-01', '2026-06-01', '2027-01-01'),
      end: fc.constantFrom(null, '2025-12-31', '2026-06-01', '2028-01-01'),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), arb, (ties, extra) => {
        const v = pairTrust(ties, 'p', 'r', ON);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(pairTrust(ties, 'r', 'p', ON)).toBe(v);
        const more = { ...extra, type: 'collaboration' };
        expect(pairTrust([...ties, more], 'p', 'r', ON)).toBeGreaterThanOrEqual(v);
      }),
    );
  });
});

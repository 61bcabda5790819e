import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePair, sizeDisparity } from './score.ts';
import type { PairFacts, SizeKind, TieType } from './types.ts';

const base: PairFacts = {
  sharedAreas: 1,
  sharedDomains: 1,
  sharedTargetGroups: 1,
  overlapDays: 365,
  contestedHours: 8,
  kindA: 'person',
  kindB: 'large',
  tieTypes: [],
  sharedFunders: 0,
};

describe('scorePair, hand-worked', () => {
  // areas, domains, target groups: 1/(1+1) = 0.5 each, × 0.15 → 0.225
  // period: min(1, 365/365) = 1, × 0.15 → 0.15
  // hours: 8/(8+8) = 0.5, × 0.10 → 0.05
  // size disparity person vs large = 1, × 0.30 → 0.30
  // base = 0.725; no ties, no funders → score 0.725
  it('person vs large, one of everything, a full year', () => {
    const r = scorePair(base);
    expect(r.components.base).toBeCloseTo(0.725, 12);
    expect(r.score).toBeCloseTo(0.725, 12);
    expect(r.reasons.map((x) => x.code)).toEqual([
      'shared-areas',
      'shared-domains',
      'shared-target-groups',
      'period-overlap',
      'contested-hours',
      'size-disparity',
    ]);
  });

  // samenwerking factor 0.5: 0.5 × 0.725 = 0.3625
  it('a collaboration tie halves it', () => {
    const r = scorePair({ ...base, tieTypes: ['samenwerking'] });
    expect(r.score).toBeCloseTo(0.3625, 12);
    expect(r.reasons.at(-1)).toMatchObject({ code: 'collaboration-tie', component: 0.5 });
  });

  // tegenwerking t = 0.5: 1 − (1 − 0.725)(1 − 0.5) = 1 − 0.1375 = 0.8625
  // plus spanning: t = 1 − 0.7 · 0.5 = 0.65 → 1 − 0.275 · 0.35 = 0.90375
  it('tension ties raise it', () => {
    expect(scorePair({ ...base, tieTypes: ['tegenwerking'] }).score).toBeCloseTo(0.8625, 12);
    const both = scorePair({ ...base, tieTypes: ['spanning', 'tegenwerking'] });
    expect(both.components.tension).toBeCloseTo(0.65, 12);
    expect(both.score).toBeCloseTo(0.90375, 12);
  });

  // one shared funder: f = 0.3 · 1/2 = 0.15 → 1 − 0.275 · 0.85 = 0.76625
  it('a shared funder raises it', () => {
    expect(scorePair({ ...base, sharedFunders: 1 }).score).toBeCloseTo(0.76625, 12);
  });

  // large vs large, 2 areas, 1 domain, no target group, 73 days, hours unknown:
  // 0.15·(2/3) + 0.15·0.5 + 0 + 0.15·(73/365) + 0.10·0.5 + 0.30·0.3
  // = 0.1 + 0.075 + 0 + 0.03 + 0.05 + 0.09 = 0.345
  it('two large organisations with less in common', () => {
    const r = scorePair({
      ...base,
      sharedAreas: 2,
      sharedTargetGroups: 0,
      overlapDays: 73,
      contestedHours: null,
      kindA: 'large',
    });
    expect(r.score).toBeCloseTo(0.345, 12);
    expect(r.reasons.find((x) => x.code === 'contested-hours')?.value).toBe(-1);
  });

  it('size disparity: small vs large highest', () => {
    expect(sizeDisparity('small', 'large')).toBe(1);
    expect(sizeDisparity('large', 'person')).toBe(1);
    expect(sizeDisparity('unknown', 'large')).toBe(0.6);
    expect(sizeDisparity('small', 'small')).toBe(0.4);
    expect(sizeDisparity('large', 'large')).toBe(0.3);
  });
});

const kind = fc.constantFrom<SizeKind>('person', 'small', 'large', 'unknown');
const tie = fc.constantFrom<TieType>(
  'samenwerking',
  'steun',
  'financiering',
  'doorverwijzing',
  'informatie-uitwisseling',
  'spanning',
  'tegenwerking',
);
const facts: fc.Arbitrary<PairFacts> = fc.record({
  sharedAreas: fc.integer({ min: 1, max: 20 }),
  sharedDomains: fc.integer({ min: 1, max: 20 }),
  sharedTargetGroups: fc.integer({ min: 0, max: 20 }),
  overlapDays: fc.integer({ min: 1, max: 5000 }),
  contestedHours: fc.option(fc.double({ min: 0, max: 80, noNaN: true }), { nil: null }),
  kindA: kind,
  kindB: kind,
  tieTypes: fc.array(tie, { maxLength: 5 }),
  sharedFunders: fc.integer({ min: 0, max: 10 }),
});
const collaboration = fc.constantFrom<TieType>(
  'samenwerking',
  'steun',
  'financiering',
  'doorverwijzing',
  'informatie-uitwisseling',
);

describe('scorePair, properties', () => {
  it('is in [0, 1]', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const { score } = scorePair(f);
        return score >= 0 && score <= 1;
      }),
    );
  });

  it('adding a collaboration tie never raises the score', () => {
    fc.assert(
      fc.property(facts, collaboration, (f, t) => {
        return scorePair({ ...f, tieTypes: [...f.tieTypes, t] }).score <= scorePair(f).score;
      }),
    );
  });

  it('adding a tension tie or a shared funder never lowers it', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom<TieType>('spanning', 'tegenwerking'), (f, t) => {
        const s = scorePair(f).score;
        return (
          scorePair({ ...f, tieTypes: [...f.tieTypes, t] }).score >= s - 1e-12 &&
          scorePair({ ...f, sharedFunders: f.sharedFunders + 1 }).score >= s - 1e-12
        );
      }),
    );
  });

  it('is symmetric in the pair order and tie order', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const swapped = {
          ...f,
          kindA: f.kindB,
          kindB: f.kindA,
          tieTypes: [...f.tieTypes].reverse(),
        };
        return scorePair(swapped).score === scorePair(f).score;
      }),
    );
  });
});

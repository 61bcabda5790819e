import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from './dates.ts';
import { evaluatePair } from './match-pair.ts';
import type {
  MatchContext,
  OfferCommitment,
  SupportNeed,
  SupportOffer,
  SupportType,
} from './matching-types.ts';
import { indexNeeds, indexOffers, matchNeed, matchOffer, naiveMatchNeed } from './matching.ts';

const areaParents = new Map<string, string | null>([
  ['GM1', null],
  ['WK1', 'GM1'],
  ['WK2', 'GM1'],
  ['BU11', 'WK1'],
  ['BU12', 'WK1'],
  ['BU21', 'WK2'],
]);
const ctx: MatchContext = { areaParents, trust: (p, r) => (p === 'inst1' && r === 'c1' ? 0.5 : 0) };

const offer: SupportOffer = {
  id: 'o1',
  providerId: 'inst1',
  type: 'coaching',
  capacityPerMonth: 10,
  start: '2026-01-01',
  end: '2027-12-31',
  areaIds: ['WK1'],
  domainIds: ['d1', 'd2'],
  targetGroupIds: [],
  personsEligible: true,
};
const need: SupportNeed = {
  id: 'n1',
  requesterId: 'c1',
  requesterKind: 'person',
  type: 'coaching',
  amountPerMonth: 5,
  start: '2026-04-01',
  end: '2026-12-31',
  urgency: 'high',
  areaId: 'BU11',
  domainIds: ['d1'],
  targetGroupIds: ['t1'],
};
const commitments: OfferCommitment[] = [
  { offerId: 'o1', amountPerMonth: 4, start: '2026-01-01', end: '2026-06-30' },
  { offerId: 'o1', amountPerMonth: 3, start: '2026-03-01', end: '2026-12-31' },
  { offerId: 'other', amountPerMonth: 99, start: '2026-01-01', end: null },
];

describe('evaluatePair, worked example', () => {
  it('scores 76.75 with remaining capacity 10 − (4 + 3) = 3 of 5 requested', () => {
    const e = evaluatePair(offer, need, commitments, ctx);
    expect(e.eligible).toBe(true);
    if (!e.eligible) return;
    // 30·0.6 + 20·1 + 15·0.75 + 10·1 + 5·0.5 + 10·1 + 10·0.5
    expect(e.score).toBe(76.75);
    expect(e.facts).toEqual({
      requestedPerMonth: 5,
      remainingPerMonth: 3,
      overlapDays: 275,
      needDays: 275,
      areaRelation: 'need_inside_offer',
      sharedDomains: 1,
      sharedTargetGroups: 0,
      trust: 0.5,
    });
    expect(e.reasons.map((r) => [r.code, r.value, r.points])).toEqual([
      ['CAPACITY_COVERAGE', 0.6, 18],
      ['PERIOD_COVERAGE', 1, 20],
      ['AREA_FIT', 0.75, 11.25],
      ['DOMAIN_FIT', 1, 10],
      ['TARGET_GROUP_FIT', 0.5, 2.5],
      ['URGENCY', 1, 10],
      ['TRUST', 0.5, 5],
    ]);
  });

  it('counts only commitments active in the overlap: after June the peak is 3', () => {
    const later = { ...need, start: '2026-07-01' };
    const e = evaluatePair(offer, later, commitments, ctx);
    expect(e.eligible && e.facts.remainingPerMonth).toBe(7);
  });

  it('lists every failed hard filter', () => {
    const e = evaluatePair(
      { ...offer, personsEligible: false, capacityPerMonth: 7 },
      { ...need, type: 'money', areaId: 'BU21', domainIds: ['d9'], start: '2028-01-01', end: null },
      commitments,
      ctx,
    );
    expect(e).toEqual({
      eligible: false,
      exclusions: [
        'TYPE_MISMATCH',
        'NO_PERIOD_OVERLAP',
        'AREA_NOT_ELIGIBLE',
        'DOMAIN_NOT_ELIGIBLE',
        'PERSONS_NOT_ELIGIBLE',
        'NO_REMAINING_CAPACITY',
      ],
    });
  });

  it('accepts a need for a whole district when the offer covers one of its neighbourhoods', () => {
    const e = evaluatePair({ ...offer, areaIds: ['BU12'] }, { ...need, areaId: 'WK1' }, [], ctx);
    expect(e.eligible && e.facts.areaRelation).toBe('offer_inside_need');
  });

  it('rejects floats and periods that end before they start', () => {
    expect(() => evaluatePair({ ...offer, capacityPerMonth: 2.5 }, need, [], ctx)).toThrow(
      RangeError,
    );
    expect(() => evaluatePair(offer, { ...need, end: '2026-03-01' }, [], ctx)).toThrow(RangeError);
  });
});

const types: SupportType[] = ['money', 'coaching', 'space'];
const areas = [...areaParents.keys()];
const base = 20_454; // 2026-01-01
const periodArb = fc.tuple(fc.nat(700), fc.option(fc.nat(700), { nil: null })).map(([s, len]) => ({
  start: isoDay(base + s),
  end: len === null ? null : isoDay(base + s + len),
}));
const subset = (xs: string[]) => fc.subarray(xs, { maxLength: 2 });
const offerArb = fc.record({
  providerId: fc.constantFrom('p1', 'p2', 'p3', 'c1'),
  type: fc.constantFrom(...types),
  capacityPerMonth: fc.integer({ min: 0, max: 20 }),
  period: periodArb,
  areaIds: subset(areas),
  domainIds: subset(['d1', 'd2', 'd3']),
  targetGroupIds: subset(['t1', 't2']),
  personsEligible: fc.boolean(),
});
const needArb = fc.record({
  requesterId: fc.constantFrom('c1', 'c2', 's1'),
  requesterKind: fc.constantFrom('person' as const, 'small' as const),
  type: fc.constantFrom(...types),
  amountPerMonth: fc.integer({ min: 1, max: 20 }),
  period: periodArb,
  urgency: fc.constantFrom('low' as const, 'normal' as const, 'high' as const),
  areaId: fc.constantFrom(...areas),
  domainIds: subset(['d1', 'd2', 'd3']),
  targetGroupIds: subset(['t1', 't2']),
});
const worldArb = fc
  .record({
    offers: fc.array(offerArb, { maxLength: 25 }),
    needs: fc.array(needArb, { minLength: 1, maxLength: 10 }),
    loads: fc.array(fc.tuple(fc.nat(24), fc.integer({ min: 1, max: 8 }), periodArb), {
      maxLength: 30,
    }),
    trust: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ offers, needs, loads, trust }) => {
    const os: SupportOffer[] = offers.map(({ period, ...o }, i) => ({
      id: `o${i}`,
      ...o,
      ...period,
    }));
    const ns: SupportNeed[] = needs.map(({ period, ...n }, i) => ({
      id: `n${i}`,
      ...n,
      ...period,
    }));
    const cs: OfferCommitment[] = loads.map(([o, amountPerMonth, period]) => ({
      offerId: `o${o}`,
      amountPerMonth,
      ...period,
    }));
    const table = (p: string, r: string) => trust[(p.charCodeAt(1) * 3 + r.charCodeAt(1)) % 12];
    return { offers: os, needs: ns, commitments: cs, ctx: { areaParents, trust: table } };
  });

describe('matching properties', () => {
  it('ranks in a total order that does not depend on input order, equal to the naive baseline', () => {
    let suggested = 0;
    fc.assert(
      fc.property(worldArb, fc.integer(), ({ offers, needs, commitments, ctx }, seed) => {
        const shuffled = [...offers].sort(
          (a, b) => Math.sin(seed + Number(a.id.slice(1))) - Math.sin(seed + Number(b.id.slice(1))),
        );
        for (const n of needs) {
          const ranked = matchNeed(n, indexOffers(offers, commitments, ctx));
          suggested += ranked.length;
          expect(matchNeed(n, indexOffers(shuffled, [...commitments].reverse(), ctx))).toEqual(
            ranked,
          );
          expect(naiveMatchNeed(n, offers, commitments, ctx)).toEqual(ranked);
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(a.score > b.score || (a.score === b.score && a.offerId < b.offerId)).toBe(true);
          }
        }
      }),
      // A fixed seed keeps the vacuity guard below deterministic (random worlds vary in size).
      { seed: 20261204, numRuns: 100 },
    );
    // The generated worlds do produce suggestions, so the checks above are not vacuous.
    expect(suggested).toBeGreaterThan(100);
  });

  it('never suggests an offer of another type, to its own provider, or without capacity', () => {
    fc.assert(
      fc.property(worldArb, ({ offers, needs, commitments, ctx }) => {
        // Fill offer o0 completely for its whole period.
        const full = offers[0]
          ? [
              {
                offerId: 'o0',
                amountPerMonth: offers[0].capacityPerMonth,
                start: offers[0].start,
                end: offers[0].end,
              },
            ]
          : [];
        const index = indexOffers(offers, [...commitments, ...full], ctx);
        const byId = new Map(offers.map((o) => [o.id, o]));
        for (const n of needs) {
          for (const s of matchNeed(n, index)) {
            const o = byId.get(s.offerId)!;
            expect(o.type).toBe(n.type);
            expect(o.providerId).not.toBe(n.requesterId);
            expect(s.offerId).not.toBe('o0');
            expect(s.facts.remainingPerMonth).toBeGreaterThan(0);
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('finds the same pairs with the same scores in both directions', () => {
    fc.assert(
      fc.property(worldArb, ({ offers, needs, commitments, ctx }) => {
        const offerIndex = indexOffers(offers, commitments, ctx);
        const needIndex = indexNeeds(needs, ctx);
        const fromNeeds = needs.flatMap((n) => matchNeed(n, offerIndex));
        const fromOffers = offers.flatMap((o) => matchOffer(o, commitments, needIndex));
        const key = (s: { offerId: string; needId: string; score: number }) =>
          `${s.offerId}/${s.needId}/${s.score}`;
        expect(fromOffers.map(key).sort()).toEqual(fromNeeds.map(key).sort());
      }),
    );
  });

  it('is monotone in trust', () => {
    fc.assert(
      fc.property(
        offerArb,
        needArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ period: p, ...o }, { period: q, ...n }, t1, t2) => {
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const offer = { id: 'o', ...o, ...p, type: n.type };
          const need = { id: 'n', ...n, ...q };
          const a = evaluatePair(offer, need, [], { areaParents, trust: () => lo });
          const b = evaluatePair(offer, need, [], { areaParents, trust: () => hi });
          expect(a.eligible).toBe(b.eligible);
          if (a.eligible && b.eligible) expect(a.score).toBeLessThanOrEqual(b.score);
        },
      ),
    );
  });

  it('honours limit', () => {
    const index = indexOffers([offer, { ...offer, id: 'o2' }], [], ctx);
    expect(matchNeed(need, index, { limit: 1 }).map((s) => s.offerId)).toEqual(['o1']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactOf, expandExplanation, type CompactExplanation } from './compact.ts';
import { detectOverlaps, detectOverlapsExplained } from './detect.ts';
import { fingerprintOf } from './fingerprint.ts';
import { detectOverlapsNaive } from './naive.ts';
import { scorePair } from './score.ts';
import type { OverlapInput, OverlapOptions, TieType } from './types.ts';

// detectOverlaps runs on packed typed arrays (packed.ts, sweep.ts, signals.ts); the naive
// reference keeps the original prepare + PairAccumulator, so these compare two independent
// implementations. The inputs reach the corners the fast path treats separately: more than 32
// target groups (lists instead of bitmasks), target group 31 (the sign bit), duplicate ids,
// actors that only occur in activities, ties and funders naming unknown actors.

const actorIds = ['a', 'b', 'c', 'd', 'e', 'f'];
const TIE_TYPES: TieType[] = [
  'samenwerking',
  'steun',
  'financiering',
  'doorverwijzing',
  'informatie-uitwisseling',
  'spanning',
  'tegenwerking',
];

function arbInput(groups: number): fc.Arbitrary<OverlapInput> {
  const groupIds = Array.from({ length: groups }, (_x, k) => `g${k}`);
  return fc
    .record({
      kinds: fc.array(fc.constantFrom('person', 'small', 'large', null, 'absent'), {
        minLength: actorIds.length,
        maxLength: actorIds.length,
      }),
      acts: fc.array(
        fc.record({
          actor: fc.constantFrom(...actorIds),
          areas: fc.array(fc.constantFrom('A1', 'A2', 'A3', 'A|'), { minLength: 1, maxLength: 3 }),
          domains: fc.array(fc.constantFrom('d1', 'd2', 'd~'), { minLength: 1, maxLength: 3 }),
          groups: fc.array(fc.constantFrom(...groupIds), { maxLength: 4 }),
          start: fc.integer({ min: 0, max: 200 }),
          length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
          hours: fc.option(fc.integer({ min: -1, max: 30 }), { nil: null }),
        }),
        { maxLength: 18 },
      ),
      ties: fc.array(
        fc.record({
          source: fc.constantFrom(...actorIds, 'zz'),
          target: fc.constantFrom(...actorIds, 'zz'),
          type: fc.constantFrom(...TIE_TYPES),
        }),
        { maxLength: 8 },
      ),
      funders: fc.array(
        fc.record({
          funderId: fc.constantFrom('F1', 'F2', 'F3'),
          recipientId: fc.constantFrom(...actorIds, 'zz'),
        }),
        { maxLength: 8 },
      ),
      requireSharedTargetGroup: fc.boolean(),
      threshold: fc.constantFrom(0, 0.3, 0.5),
    })
    .map(({ kinds, acts, ties, funders, requireSharedTargetGroup, threshold }) => {
      const day = (d: number) =>
        new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const input: OverlapInput = {
        actors: actorIds.flatMap((id, k) =>
          kinds[k] === 'absent'
            ? []
            : [
                {
                  id,
                  kind: kinds[k] === 'person' ? ('person' as const) : ('organisation' as const),
                  sizeClass: kinds[k] === 'small' || kinds[k] === 'large' ? kinds[k] : null,
                  name: id,
                },
              ],
        ),
        activities: acts.map((x, k) => ({
          id: `act${k}`,
          actorId: x.actor,
          areaIds: x.areas,
          domainIds: x.domains,
          targetGroupIds: x.groups,
          start: day(x.start),
          end: x.length === null ? null : day(x.start + x.length),
          hoursPerWeek: x.hours,
        })),
        ties,
        funders,
      };
      return Object.assign(input, { options: { requireSharedTargetGroup, threshold } });
    });
}

const optionsOf = (inp: OverlapInput): OverlapOptions =>
  (inp as OverlapInput & { options: OverlapOptions }).options;

describe('detectOverlaps fast path', () => {
  for (const groups of [3, 32, 40]) {
    it(`equals the naive reference key for key, with ${groups} target groups`, () => {
      fc.assert(
        fc.property(arbInput(groups), (inp) => {
          const fast = detectOverlapsExplained(inp, optionsOf(inp));
          const naive = detectOverlapsNaive(inp, optionsOf(inp));
          // JSON text: same keys in the same order, same numbers, same ordering of signals.
          expect(JSON.stringify(fast)).toBe(JSON.stringify(naive));
          expect(fast).toEqual(naive);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('gives what scorePair and fingerprintOf give for its own facts', () => {
    fc.assert(
      fc.property(arbInput(40), (inp) => {
        for (const s of detectOverlapsExplained(inp, { threshold: 0 })) {
          expect(scorePair(s.facts)).toEqual({
            score: s.score,
            components: s.components,
            reasons: s.reasons,
          });
          expect(fingerprintOf(s)).toBe(s.fingerprint);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equals the reference when one cell holds many activities (keyed bucket sort)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            actor: fc.constantFrom(...actorIds),
            start: fc.integer({ min: 0, max: 60 }),
            length: fc.integer({ min: 0, max: 30 }),
            hours: fc.integer({ min: 0, max: 20 }),
          }),
          { minLength: 49, maxLength: 90 },
        ),
        (acts) => {
          const day = (d: number) =>
            new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const input: OverlapInput = {
            actors: [],
            activities: acts.map((x, k) => ({
              id: `act${k}`,
              actorId: x.actor,
              areaIds: ['A'],
              domainIds: ['d'],
              targetGroupIds: [],
              start: day(x.start),
              end: day(x.start + x.length),
              hoursPerWeek: x.hours,
            })),
          };
          expect(detectOverlapsExplained(input, { threshold: 0 })).toEqual(
            detectOverlapsNaive(input, { threshold: 0 }),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('uses target group 31 (the sign bit of the bitmask) like any other', () => {
    const groups = Array.from({ length: 32 }, (_x, k) => `g${String(k).padStart(2, '0')}`);
    const act = (id: string, actorId: string, targetGroupIds: string[]) => ({
      id,
      actorId,
      areaIds: ['A'],
      domainIds: ['d'],
      targetGroupIds,
      start: '2024-01-01',
      end: '2024-06-30',
    });
    const input: OverlapInput = {
      actors: [],
      activities: [act('x', 'p', groups), act('y', 'q', ['g31', 'g00']), act('z', 'q', ['g31'])],
    };
    const [signal] = detectOverlapsExplained(input, {
      threshold: 0,
      requireSharedTargetGroup: true,
    });
    expect(signal?.cells[0]?.targetGroupIds).toEqual(['g00', 'g31']);
    expect(signal?.facts.sharedTargetGroups).toBe(2);
    expect(detectOverlapsExplained(input, { threshold: 0 })).toEqual(
      detectOverlapsNaive(input, { threshold: 0 }),
    );
  });

  it('rejects bad input with the same errors as the reference', () => {
    const base = {
      id: 'x',
      actorId: 'p',
      areaIds: ['A'],
      domainIds: ['d'],
      targetGroupIds: [],
    };
    const cases: OverlapInput[] = [
      { actors: [], activities: [{ ...base, start: '2024-02-30', end: null }] },
      { actors: [], activities: [{ ...base, start: '2024-1-1', end: null }] },
      { actors: [], activities: [{ ...base, start: '2024-02-02', end: '2024-02-01' }] },
    ];
    for (const input of cases) {
      expect(() => detectOverlapsNaive(input)).toThrow(RangeError);
      const expected = (() => {
        try {
          detectOverlapsNaive(input);
        } catch (e) {
          return (e as Error).message;
        }
      })();
      expect(() => detectOverlapsExplained(input)).toThrow(expected);
    }
    expect(() => detectOverlapsExplained({ actors: [], activities: [] }, { asOf: 'soon' })).toThrow(
      RangeError,
    );
  });
});

describe('detectOverlaps lean result, explained on demand', () => {
  for (const groups of [3, 40]) {
    it(`pair, score and fingerprint equal the naive reference's, with ${groups} target groups`, () => {
      fc.assert(
        fc.property(arbInput(groups), (inp) => {
          const d = detectOverlaps(inp, optionsOf(inp));
          const naive = detectOverlapsNaive(inp, optionsOf(inp));
          expect(d.signals.map((s) => [s.actorIds, s.score, s.fingerprint])).toEqual(
            naive.map((s) => [s.actorIds, s.score, s.fingerprint]),
          );
          // Explained in any order, one at a time: the reference's signal, key for key.
          for (let k = d.signals.length - 1; k >= 0; k--) {
            expect(JSON.stringify(d.explain(k))).toBe(JSON.stringify(naive[k]));
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`stores a compact explanation that expands to the old one, with ${groups} target groups`, () => {
      fc.assert(
        fc.property(arbInput(groups), (inp) => {
          const d = detectOverlaps(inp, optionsOf(inp));
          const naive = detectOverlapsNaive(inp, optionsOf(inp));
          naive.forEach((s, k) => {
            const text = d.explanationText(k);
            expect(text).toBe(JSON.stringify(compactOf(s)));
            // What the signals module stored before: JSON of { facts, components, reasons, cells }.
            const old = JSON.stringify({
              facts: s.facts,
              components: s.components,
              reasons: s.reasons,
              cells: s.cells,
            });
            const expanded = expandExplanation(JSON.parse(text) as CompactExplanation);
            expect(JSON.stringify(expanded)).toBe(old);
            expect(text.length).toBeLessThan(old.length);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('writes ids that need JSON escaping and several cells in code unit order', () => {
    const act = (id: string, actorId: string, areaIds: string[], groups: string[]) => ({
      id,
      actorId,
      areaIds,
      domainIds: ['d"1', 'd|'],
      targetGroupIds: groups,
      start: '2024-01-01',
      end: '2024-06-30',
    });
    const input: OverlapInput = {
      actors: [],
      activities: [
        act('x', 'p\\', ['A|', 'AB', 'A\n'], ['g"', 'g\u00e9']),
        act('y', 'q', ['AB', 'A|', 'A\n'], ['g\u00e9', 'g"']),
      ],
    };
    const d = detectOverlaps(input, { threshold: 0 });
    const [s] = detectOverlapsNaive(input, { threshold: 0 });
    expect(s!.cells).toHaveLength(6);
    expect(d.signals[0]!.fingerprint).toBe(s!.fingerprint);
    expect(d.explanationText(0)).toBe(JSON.stringify(compactOf(s!)));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates.ts';
import { detectOverlapsExplained } from './detect.ts';
import { changedMaterially, materialChanges, snapshotOf } from './fingerprint.ts';
import { detectOverlapsNaive } from './naive.ts';
import type { OverlapActivity, OverlapActor, OverlapInput, OverlapTie, TieType } from './types.ts';

const actors: OverlapActor[] = [
  { id: 'p1', kind: 'person', sizeClass: null, name: 'Fatima' },
  { id: 'L', kind: 'organisation', sizeClass: 'large', name: 'Welzijn BV' },
  { id: 's', kind: 'organisation', sizeClass: 'small', name: 'Buurtclub' },
];
const act = (a: Partial<OverlapActivity> & Pick<OverlapActivity, 'id' | 'actorId'>) => ({
  areaIds: ['BU1'],
  domainIds: ['zorg'],
  targetGroupIds: [],
  start: '2024-01-01',
  end: '2024-12-31',
  ...a,
});
const activities: OverlapActivity[] = [
  act({ id: 'a1', actorId: 'p1', targetGroupIds: ['ouderen'], hoursPerWeek: 8 }),
  act({
    id: 'a2',
    actorId: 'L',
    areaIds: ['BU1', 'BU2'],
    domainIds: ['zorg', 'welzijn'],
    targetGroupIds: ['ouderen', 'jeugd'],
    start: '2024-07-01',
    end: null,
    hoursPerWeek: 16,
  }),
  // Same ground as a2 but another domain: no overlap.
  act({ id: 'a3', actorId: 's', areaIds: ['BU2'], domainIds: ['sport'], end: '2024-03-31' }),
  // Same cell as a1 and a2 but a year earlier: no overlap in time.
  act({ id: 'a4', actorId: 's', start: '2023-01-01', end: '2023-12-31' }),
];
const input: OverlapInput = { activities, actors };

describe('detectOverlaps, hand-worked', () => {
  // Only L and p1 overlap: cell BU1 × zorg from 2024-07-01 to 2024-12-31 = 184 days
  // (31 + 31 + 30 + 31 + 30 + 31). Shared target group: ouderen. Contested hours min(8, 16) = 8.
  // Score: 0.075 (areas) + 0.075 (domains) + 0.075 (target groups) + 0.15 · 184/365 (period)
  //      + 0.10 · 8/16 (hours) + 0.30 · 1 (person vs large) = 0.225 + 0.075616… + 0.05 + 0.3
  //      = 0.650616…
  const expected = 0.225 + (0.15 * 184) / 365 + 0.05 + 0.3;

  it('finds the one overlapping pair with exact facts and score', () => {
    const signals = detectOverlapsExplained(input, { asOf: '2025-06-30', threshold: 0 });
    expect(signals).toHaveLength(1);
    const [s] = signals;
    expect(s?.actorIds).toEqual(['L', 'p1']);
    expect(s?.cells).toEqual([
      {
        areaId: 'BU1',
        domainId: 'zorg',
        targetGroupIds: ['ouderen'],
        from: '2024-07-01',
        to: '2024-12-31',
        overlapDays: 184,
      },
    ]);
    expect(s?.facts).toMatchObject({ sharedTargetGroups: 1, contestedHours: 8, kindA: 'large' });
    expect(s?.score).toBeCloseTo(expected, 12);
    expect(s?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('applies the threshold', () => {
    expect(detectOverlapsExplained(input, { asOf: '2025-06-30', threshold: 0.66 })).toHaveLength(0);
    expect(detectOverlapsExplained(input, { asOf: '2025-06-30' })).toHaveLength(1);
  });

  it('a samenwerking tie halves it; tension raises it; direction does not matter', () => {
    const withTie = (type: TieType, source = 'p1', target = 'L') =>
      detectOverlapsExplained(
        { ...input, ties: [{ source, target, type }] },
        { asOf: '2025-06-30', threshold: 0 },
      )[0]?.score ?? 0;
    expect(withTie('samenwerking')).toBeCloseTo(expected * 0.5, 12);
    expect(withTie('tegenwerking')).toBeCloseTo(1 - (1 - expected) * 0.5, 12);
    expect(withTie('spanning', 'L', 'p1')).toBe(withTie('spanning'));
  });

  it('requireSharedTargetGroup drops pairs without a shared group', () => {
    const noGroups = activities.map((a) => ({ ...a, targetGroupIds: [] }));
    const opts = { asOf: '2025-06-30', threshold: 0, requireSharedTargetGroup: true };
    expect(detectOverlapsExplained({ actors, activities: noGroups }, opts)).toHaveLength(0);
    expect(detectOverlapsExplained(input, opts)).toHaveLength(1);
  });

  it('no signal for periods that only touch the day before', () => {
    const acts = [
      act({ id: 'x', actorId: 'p1', end: '2024-06-30' }),
      act({ id: 'y', actorId: 'L', start: '2024-07-01' }),
    ];
    expect(detectOverlapsExplained({ actors, activities: acts }, { threshold: 0 })).toHaveLength(0);
    const touching = [act({ id: 'x', actorId: 'p1', end: '2024-07-01' }), acts[1]!];
    expect(
      detectOverlapsExplained({ actors, activities: touching }, { threshold: 0 })[0]?.facts
        .overlapDays,
    ).toBe(1);
  });

  it('rejects malformed dates and an end before the start', () => {
    expect(() =>
      detectOverlapsExplained({
        actors,
        activities: [act({ id: 'x', actorId: 'p1', start: '2024-02-30' })],
      }),
    ).toThrow(RangeError);
    expect(() =>
      detectOverlapsExplained({
        actors,
        activities: [act({ id: 'x', actorId: 'p1', end: '2023-01-01' })],
      }),
    ).toThrow(RangeError);
  });
});

describe('fingerprint and material change', () => {
  const opts = { asOf: '2025-06-30', threshold: 0 };
  const first = detectOverlapsExplained(input, opts)[0]!;

  it('is stable when only time passes', () => {
    const later = detectOverlapsExplained(input, { ...opts, asOf: '2026-06-30' })[0]!;
    expect(later.fingerprint).toBe(first.fingerprint);
    expect(changedMaterially(snapshotOf(first), later)).toBe(false);
  });

  it('a new shared cell is material', () => {
    const more = [
      ...activities,
      act({ id: 'a5', actorId: 'p1', areaIds: ['BU2'], domainIds: ['welzijn'] }),
    ];
    const now = detectOverlapsExplained({ actors, activities: more }, opts).find(
      (s) => s.actorIds[1] === 'p1',
    )!;
    expect(now.fingerprint).not.toBe(first.fingerprint);
    expect(materialChanges(snapshotOf(first), now)).toContain('new-cell');
  });

  it('a new tension tie and a score rise ≥ 0.15 are material; a new collaboration tie is not', () => {
    const tense = detectOverlapsExplained(
      { ...input, ties: [{ source: 'L', target: 'p1', type: 'tegenwerking' }] },
      opts,
    )[0]!;
    // 0.6506 → 0.8253: a rise of 0.175
    expect(materialChanges(snapshotOf(first), tense)).toEqual(['score-rise', 'new-tension-tie']);
    const calm = detectOverlapsExplained(
      { ...input, ties: [{ source: 'L', target: 'p1', type: 'samenwerking' }] },
      opts,
    )[0]!;
    expect(changedMaterially(snapshotOf(first), calm)).toBe(false);
    const old = snapshotOf(first);
    expect(changedMaterially(old, { ...old, score: old.score + 0.15 })).toBe(true);
    expect(changedMaterially(old, { ...old, score: old.score + 0.149 })).toBe(false);
  });
});

const ids = ['a', 'b', 'c', 'd', 'e'];
const arbInput: fc.Arbitrary<OverlapInput> = fc
  .record({
    kinds: fc.array(fc.constantFrom('person', 'small', 'large', null), {
      minLength: 5,
      maxLength: 5,
    }),
    acts: fc.array(
      fc.record({
        actor: fc.constantFrom(...ids),
        areas: fc.subarray(['A1', 'A2', 'A3'], { minLength: 1 }),
        domains: fc.subarray(['d1', 'd2', 'd3'], { minLength: 1 }),
        groups: fc.subarray(['g1', 'g2', 'g3']),
        start: fc.integer({ min: 0, max: 120 }),
        length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
        hours: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      }),
      { maxLength: 14 },
    ),
    ties: fc.array(
      fc.record({
        source: fc.constantFrom(...ids),
        target: fc.constantFrom(...ids),
        type: fc.constantFrom<TieType>(
          'samenwerking',
          'steun',
          'spanning',
          'tegenwerking',
          'doorverwijzing',
        ),
      }),
      { maxLength: 5 },
    ),
    funders: fc.array(
      fc.record({ funderId: fc.constantFrom('F1', 'F2'), recipientId: fc.constantFrom(...ids) }),
      {
        maxLength: 5,
      },
    ),
  })
  .map(({ kinds, acts, ties, funders }) => {
    const day = (d: number) =>
      new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    return {
      actors: ids.map((id, k) => ({
        id,
        kind: kinds[k] === 'person' ? ('person' as const) : ('organisation' as const),
        sizeClass: kinds[k] === 'small' || kinds[k] === 'large' ? kinds[k] : null,
        name: id,
      })),
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
      ties: ties as OverlapTie[],
      funders,
    };
  });
const opts = { asOf: '2024-08-01', threshold: 0 };

describe('detectOverlaps, properties', () => {
  it('equals the naive all-pairs baseline', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        expect(detectOverlapsExplained(inp, opts)).toEqual(detectOverlapsNaive(inp, opts));
      }),
    );
  });

  it('scores are in [0, 1]; pairs are canonical; every cell has a real overlap in time', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        for (const s of detectOverlapsExplained(inp, opts)) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
          expect(s.actorIds[0] < s.actorIds[1]).toBe(true);
          for (const c of s.cells) {
            const of = (actor: string) =>
              inp.activities.filter(
                (a) =>
                  a.actorId === actor &&
                  a.areaIds.includes(c.areaId) &&
                  a.domainIds.includes(c.domainId),
              );
            const end = (a: OverlapActivity) => dayNumber(a.end ?? opts.asOf);
            const found = of(s.actorIds[0]).some((x) =>
              of(s.actorIds[1]).some(
                (y) =>
                  Math.min(end(x), end(y)) -
                    Math.max(dayNumber(x.start), dayNumber(y.start)) +
                    1 ===
                  c.overlapDays,
              ),
            );
            expect(found).toBe(true);
          }
        }
      }),
    );
  });

  it('does not depend on input order or tie direction', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const flipped: OverlapInput = {
          actors: [...inp.actors].reverse(),
          activities: [...inp.activities].reverse(),
          ties: (inp.ties ?? [])
            .map((t) => ({ ...t, source: t.target, target: t.source }))
            .reverse(),
          funders: [...(inp.funders ?? [])].reverse(),
        };
        expect(detectOverlapsExplained(flipped, opts)).toEqual(detectOverlapsExplained(inp, opts));
      }),
    );
  });

  it('adding a collaboration tie never raises any pair’s score', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.constantFrom<TieType>('samenwerking', 'steun', 'doorverwijzing'),
        (inp, type) => {
          const before = detectOverlapsExplained(inp, opts);
          for (const s of before) {
            const ties = [
              ...(inp.ties ?? []),
              { source: s.actorIds[1], target: s.actorIds[0], type },
            ];
            const after = detectOverlapsExplained({ ...inp, ties }, opts).find(
              (x) => x.actorIds[0] === s.actorIds[0] && x.actorIds[1] === s.actorIds[1],
            );
            expect(after!.score).toBeLessThanOrEqual(s.score);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { suggestAllies } from './allies.ts';
import type { OverlapActivity, OverlapActor } from './types.ts';

const org = (id: string, sizeClass: 'small' | 'large' | null): OverlapActor => ({
  id,
  kind: 'organisation',
  sizeClass,
  name: id,
});
const actors: OverlapActor[] = [
  org('s', 'small'),
  org('L', 'large'),
  org('T', 'small'),
  org('X', 'large'),
  { id: 'Y', kind: 'person', sizeClass: null, name: 'Y' },
  org('W', 'large'),
];
const act = (
  id: string,
  actorId: string,
  areaIds: string[],
  domainIds: string[],
): OverlapActivity => ({
  id,
  actorId,
  areaIds,
  domainIds,
  targetGroupIds: [],
  start: '2024-01-01',
  end: null,
});
const activities = [
  act('1', 's', ['BU1'], ['zorg']),
  act('2', 'L', ['BU1'], ['welzijn']),
  act('3', 'T', ['BU1'], ['zorg', 'sport']),
  act('4', 'X', ['BU9'], ['wonen']),
  act('5', 'Y', ['BU1'], ['zorg']),
  act('6', 'W', ['BU1', 'BU2'], ['zorg', 'wonen']),
];

describe('suggestAllies', () => {
  const result = suggestAllies({
    focalActorId: 's',
    actors,
    activities,
    ties: [
      { source: 'T', target: 's', type: 'tegenwerking' },
      { source: 's', target: 'W', type: 'samenwerking' },
    ],
    capacity: [{ actorId: 'L', value: 0.8 }],
  });

  it('ranks complementary, trusted and supporting parties with exact scores', () => {
    // L: areas 1/2 · 0.25 = 0.125; complement c = 1 of k = 1: ½ · 1 · 0.3 = 0.15; trust 0;
    //    capacity 0.8 · 0.15 = 0.12; small–large mix 1 · 0.1 = 0.1 → 0.495
    // W: areas 0.125 (only BU1 is shared); complement c = 1 (wonen) of k = 2: ½ · ½ · 0.3 = 0.075;
    //    trust 0.5 (samenwerking, no score) · 0.2 = 0.1; capacity 0; mix 0.1 → 0.4
    expect(result.suggestions.map((s) => s.actorId)).toEqual(['L', 'W']);
    expect(result.suggestions[0]?.score).toBeCloseTo(0.495, 12);
    expect(result.suggestions[1]?.score).toBeCloseTo(0.4, 12);
    expect(result.suggestions[1]?.complementaryDomainIds).toEqual(['wonen']);
    expect(result.suggestions[0]?.reasons.map((r) => r.code)).toEqual([
      'shared-areas',
      'complementary-domains',
      'trust',
      'support-capacity',
      'size-mix',
    ]);
  });

  it('excludes a party it competes with under tension; ignores other areas and mere neighbours', () => {
    expect(result.excluded).toEqual([
      {
        actorId: 'T',
        reason: 'competes-under-tension',
        sharedCells: 1,
        tieTypes: ['tegenwerking'],
      },
    ]);
    const ids = result.suggestions.map((s) => s.actorId);
    expect(ids).not.toContain('X');
    expect(ids).not.toContain('Y');
  });

  it('a trust score overrides the tie default and can lift a party', () => {
    const r = suggestAllies({
      focalActorId: 's',
      actors,
      activities,
      trust: [{ source: 'Y', target: 's', value: 1 }],
    });
    // Y: 0.125 + 0 + 1 · 0.2 + 0 + 0.5 · 0.1 (same size class side) = 0.375
    expect(r.suggestions.find((s) => s.actorId === 'Y')?.score).toBeCloseTo(0.375, 12);
  });

  it('respects the limit', () => {
    expect(
      suggestAllies({ focalActorId: 's', actors, activities }, { limit: 1 }).suggestions,
    ).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  durability,
  type DurabilityCommitment,
  type DurabilityInitiative,
  type DurabilityMembership,
} from './durability.ts';

// Commitments to initiatives and alliances (group recipients) and the continuity of carriers.

const c = (id: string, recipientId: string, start: string, end: string | null) =>
  ({ id, providerId: 'p1', recipientId, type: 'money', start, end }) as DurabilityCommitment;

// I1 ends 2025-06-30 and is checked 90 days later, on 2025-09-28.
const initiatives: DurabilityInitiative[] = [
  { id: 'I1', start: '2025-01-01', end: '2025-06-30', carrierIds: ['carrier'] },
];
const asOf = '2026-01-31';
const of = (result: ReturnType<typeof durability>, id: string) =>
  result.find((r) => r.recipientId === id);

describe('durability of group recipients', () => {
  it('counts a commitment to an initiative for the initiative, not for its carrier', () => {
    const result = durability([c('A', 'I1', '2025-01-01', '2025-12-31')], initiatives, asOf);
    expect(of(result, 'I1')).toMatchObject({
      commitments: 1,
      totalSupportedDays: 365,
      continuity: { ended: 0, kept: 0, share: null },
    });
    // Money to the project that runs on after it ended does not keep its carrier supported.
    const membership: DurabilityMembership = {
      groupId: 'I1',
      actorId: 'carrier',
      start: null,
      end: null,
    };
    expect(
      of(
        durability([c('A', 'I1', '2025-01-01', '2025-12-31')], initiatives, asOf, [membership]),
        'carrier',
      ),
    ).toMatchObject({
      commitments: 0,
      totalSupportedDays: 0,
      continuity: { ended: 1, kept: 0, share: 0 },
    });
  });

  it('keeps the carrier when another group of theirs has support on the check day', () => {
    const commitments = [c('B', 'I2', '2025-09-01', null), c('C', 'AL', '2025-09-01', null)];
    const next = (groupId: string, start: string | null, end: string | null) => [
      { groupId, actorId: 'carrier', start, end },
    ];
    const kept = (m: DurabilityMembership[]) =>
      of(durability(commitments, initiatives, asOf, m), 'carrier')!.continuity;
    expect(kept(next('I2', '2025-09-01', null))).toEqual({ ended: 1, kept: 1, share: 1 });
    expect(kept(next('AL', null, null))).toEqual({ ended: 1, kept: 1, share: 1 });
    // Not yet (or no longer) a member on 2025-09-28, or no membership at all: lost.
    expect(kept(next('I2', '2025-10-01', null)).kept).toBe(0);
    expect(kept(next('AL', null, '2025-09-27')).kept).toBe(0);
    expect(kept([]).kept).toBe(0);
    // The group's support counts for the group only, never in the carrier's own days.
    const result = durability(commitments, initiatives, asOf, next('AL', null, null));
    expect(of(result, 'carrier')).toMatchObject({ commitments: 0, totalSupportedDays: 0 });
    expect(of(result, 'AL')).toMatchObject({ commitments: 1, totalSupportedDays: 153 });
  });

  it('gives the same answer without memberships as before', () => {
    const commitments = [c('D', 'carrier', '2025-09-01', '2025-10-31')];
    expect(durability(commitments, initiatives, asOf, [])).toEqual(
      durability(commitments, initiatives, asOf),
    );
    expect(of(durability(commitments, initiatives, asOf), 'carrier')!.continuity.kept).toBe(1);
  });
});

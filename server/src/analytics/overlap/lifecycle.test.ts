import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  decideTransition,
  signalRoles,
  signalStates,
  type SignalRole,
  type SignalState,
} from './lifecycle.ts';

// The whole table, written out by hand: every role × every (from, to). A change to the machine
// must change this table too.
const PEOPLE: Record<SignalState, SignalState[]> = {
  open: ['seen', 'in_dialogue', 'dismissed'],
  seen: ['in_dialogue', 'resolved', 'dismissed'],
  in_dialogue: ['alliance_formed', 'resolved', 'dismissed'],
  alliance_formed: [],
  resolved: [],
  dismissed: [],
};
const SYSTEM: Record<SignalState, SignalState[]> = {
  open: [],
  seen: [],
  in_dialogue: [],
  alliance_formed: [],
  resolved: [],
  dismissed: ['open'],
};
const EXPECTED: Record<SignalRole, Record<SignalState, SignalState[]>> = {
  party: PEOPLE,
  coordinator: PEOPLE,
  system: SYSTEM,
  other: {
    open: [],
    seen: [],
    in_dialogue: [],
    alliance_formed: [],
    resolved: [],
    dismissed: [],
  },
};

const complete = { reason: 'Wij werken al samen in het buurthuis.', allianceId: 'a-1' };

describe('signal lifecycle', () => {
  for (const role of signalRoles) {
    for (const from of signalStates) {
      for (const to of signalStates) {
        const allowed = EXPECTED[role][from].includes(to);
        it(`${role}: ${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
          const result = decideTransition({ from, to, role, ...complete });
          if (allowed) expect(result).toEqual({ ok: true });
          else
            expect(result).toEqual({
              ok: false,
              refusal: role === 'other' ? 'forbidden' : 'invalid_transition',
            });
          expect(allowedMoves(from, role).includes(to)).toBe(allowed);
        });
      }
    }
  }

  it.each(['party', 'coordinator'] as const)('%s: dismissing needs a non-blank reason', (role) => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(decideTransition({ from: 'open', to: 'dismissed', role, reason })).toEqual({
        ok: false,
        refusal: 'reason_required',
      });
    }
    expect(decideTransition({ from: 'open', to: 'dismissed', role, reason: 'dubbel' })).toEqual({
      ok: true,
    });
  });

  it.each(['party', 'coordinator'] as const)('%s: an alliance needs its id', (role) => {
    expect(decideTransition({ from: 'in_dialogue', to: 'alliance_formed', role })).toEqual({
      ok: false,
      refusal: 'alliance_required',
    });
    expect(
      decideTransition({ from: 'in_dialogue', to: 'alliance_formed', role, allianceId: 'x' }),
    ).toEqual({ ok: true });
  });

  it('the system reopens a dismissed signal only with the reason why', () => {
    expect(decideTransition({ from: 'dismissed', to: 'open', role: 'system' })).toEqual({
      ok: false,
      refusal: 'reason_required',
    });
    expect(
      decideTransition({ from: 'dismissed', to: 'open', role: 'system', reason: 'new-cell' }),
    ).toEqual({ ok: true });
  });

  it('refuses who before what: an outsider without a reason is forbidden, not invalid', () => {
    expect(decideTransition({ from: 'open', to: 'dismissed', role: 'other' })).toEqual({
      ok: false,
      refusal: 'forbidden',
    });
    expect(decideTransition({ from: 'resolved', to: 'dismissed', role: 'party' })).toEqual({
      ok: false,
      refusal: 'invalid_transition',
    });
  });
});

import type { Packed } from './packed.ts';
import { TIE_TYPES, tieTypesOf } from './prepare.ts';
import { COLLABORATION_FACTOR, TENSION_RAISE, tieEffects } from './score.ts';
import type { TieType } from './types.ts';

// Per-pair facts read from the packed input: the tie table per tie-type bitmask, the tie mask of
// a pair, shared funders, and set-bit counts. Split from signals.ts (which builds the signals).

/** Per tie-type bitmask: everything {@link scorePair} and {@link fingerprintOf} derive from it. */
export interface TieInfo {
  /** As the threshold filter in accumulate.ts computes it (types in TIE_TYPES order). */
  quickTension: number;
  quickCollaboration: number;
  /** As scorePair computes it (sorted distinct types). */
  tension: number;
  collaboration: number;
  types: TieType[];
  tensionTypes: TieType[];
  collabTypes: TieType[];
  fingerprintText: string;
}

export const TIE_INFO: TieInfo[] = Array.from({ length: 1 << TIE_TYPES.length }, (_x, mask) => {
  const types = tieTypesOf(mask);
  const quick = tieEffects(types);
  const sorted = [...new Set(types)].sort();
  const exact = tieEffects(sorted);
  return {
    quickTension: quick.tension,
    quickCollaboration: quick.collaboration,
    tension: exact.tension,
    collaboration: exact.collaboration,
    types,
    tensionTypes: sorted.filter((t) => TENSION_RAISE[t] !== undefined),
    collabTypes: sorted.filter((t) => COLLABORATION_FACTOR[t] !== undefined),
    fingerprintText: [...types].sort().join(','),
  };
});

export function tieOf(p: Packed, a: number, b: number): number {
  const t = p.ties.find(a, b);
  return t < 0 ? 0 : p.ties.value[t]!;
}

export function countShared(p: Packed, a: number, b: number): number {
  const { funderOff, funderList } = p;
  let x = funderOff[a]!;
  let y = funderOff[b]!;
  const xe = funderOff[a + 1]!;
  const ye = funderOff[b + 1]!;
  if (x === xe || y === ye) return 0;
  let n = 0;
  while (x < xe && y < ye) {
    const u = funderList[x]!;
    const v = funderList[y]!;
    if (u === v) {
      n++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return n;
}

export function popcount(m: number): number {
  m = m - ((m >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

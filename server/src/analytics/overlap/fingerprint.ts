import type { OverlapSignal, TieType } from './types.ts';

/**
 * What is kept when a signal is dismissed, so a later detection run can decide whether the facts
 * changed materially. Small enough to store as JSON beside the dismissal.
 */
export interface SignalSnapshot {
  fingerprint: string;
  score: number;
  /** `areaId|domainId` of every shared cell, sorted. */
  cellKeys: string[];
  tieTypes: TieType[];
}

export type MaterialChange = 'score-rise' | 'new-cell' | 'new-tension-tie';

/** A rise of at least this much in the score reopens a dismissed signal. */
export const MATERIAL_SCORE_RISE = 0.15;

/**
 * A digest (two 32-bit FNV-1a hashes, 16 hex digits) of the facts that define a signal: the
 * pair, every shared cell with its shared target groups, the tie types, the number of shared
 * funders and both size kinds. Overlap days, hours and the score are left out on purpose: for
 * activities that are still running they grow every day, and a fingerprint that changes daily
 * could not tell "the same situation" from "a new one". Equal facts ⇒ equal fingerprint.
 */
export function fingerprintOf(signal: Pick<OverlapSignal, 'actorIds' | 'cells' | 'facts'>): string {
  const f = signal.facts;
  const text = [
    'v1',
    signal.actorIds[0],
    signal.actorIds[1],
    f.kindA,
    f.kindB,
    signal.cells
      .map((c) => `${c.areaId}|${c.domainId}|${[...c.targetGroupIds].sort().join(',')}`)
      .sort()
      .join(';'),
    [...f.tieTypes].sort().join(','),
    String(f.sharedFunders),
  ].join('\n');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x01000193));
}

export function snapshotOf(signal: OverlapSignal): SignalSnapshot {
  return {
    fingerprint: signal.fingerprint,
    score: signal.score,
    cellKeys: cellKeysOf(signal),
    tieTypes: [...signal.facts.tieTypes].sort(),
  };
}

/**
 * Why `current` differs materially from the dismissed `old`: the score rose by at least
 * {@link MATERIAL_SCORE_RISE}, a shared area × domain cell appeared that was not there, or a
 * tension/obstruction tie appeared. A falling score, a lost cell or a new collaboration tie is
 * not material: the situation got better, and a dismissed signal should not come back for that.
 */
export function materialChanges(
  old: SignalSnapshot,
  current: OverlapSignal | SignalSnapshot,
): MaterialChange[] {
  const now = 'cells' in current ? snapshotOf(current) : current;
  const out: MaterialChange[] = [];
  // Round to 1e-9 so 0.15 computed as 0.65 − 0.5 still counts.
  if (Math.round((now.score - old.score) * 1e9) >= Math.round(MATERIAL_SCORE_RISE * 1e9)) {
    out.push('score-rise');
  }
  const before = new Set(old.cellKeys);
  if (now.cellKeys.some((k) => !before.has(k))) out.push('new-cell');
  const tension = (t: TieType) => t === 'spanning' || t === 'tegenwerking';
  const oldTension = new Set(old.tieTypes.filter(tension));
  if (now.tieTypes.some((t) => tension(t) && !oldTension.has(t))) out.push('new-tension-tie');
  return out;
}

/** True when {@link materialChanges} finds any reason to reopen a dismissed signal. */
export function changedMaterially(
  old: SignalSnapshot,
  current: OverlapSignal | SignalSnapshot,
): boolean {
  return materialChanges(old, current).length > 0;
}

function cellKeysOf(signal: Pick<OverlapSignal, 'cells'>): string[] {
  return signal.cells.map((c) => `${c.areaId}|${c.domainId}`).sort();
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

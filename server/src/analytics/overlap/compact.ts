import { scorePair } from './score.ts';
import type {
  OverlapCell,
  OverlapExplanation,
  OverlapSignal,
  PairFacts,
  SizeKind,
  TieType,
} from './types.ts';

/**
 * The compact explanation of a signal, as stored (JSON): the facts and the cells, nothing that
 * can be computed from them. The components and reasons (6–9 objects with effect objects, most
 * of an explanation's size) follow from the facts by {@link scorePair}, so they are rebuilt when
 * a signal is read ({@link expandExplanation}) instead of being built for every detected signal.
 *
 * `f`: sharedAreas, sharedDomains, sharedTargetGroups, overlapDays, contestedHours (null when
 * unknown), kindA, kindB, tieTypes, sharedFunders — the fields of {@link PairFacts} in order.
 * `c`: per cell areaId, domainId, targetGroupIds, from, to, overlapDays ({@link OverlapCell}).
 */
export interface CompactExplanation {
  v: 2;
  f: [number, number, number, number, number | null, SizeKind, SizeKind, TieType[], number];
  c: [string, string, string[], string, string, number][];
}

export const COMPACT_VERSION = 2;

export function isCompactExplanation(x: unknown): x is CompactExplanation {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { v?: unknown }).v === COMPACT_VERSION &&
    Array.isArray((x as { f?: unknown }).f) &&
    Array.isArray((x as { c?: unknown }).c)
  );
}

/** The compact form of a full signal (the reference for the detector's own writer). */
export function compactOf(s: Pick<OverlapSignal, 'facts' | 'cells'>): CompactExplanation {
  const f = s.facts;
  return {
    v: COMPACT_VERSION,
    f: [
      f.sharedAreas,
      f.sharedDomains,
      f.sharedTargetGroups,
      f.overlapDays,
      f.contestedHours,
      f.kindA,
      f.kindB,
      [...f.tieTypes],
      f.sharedFunders,
    ],
    c: s.cells.map((c) => [c.areaId, c.domainId, c.targetGroupIds, c.from, c.to, c.overlapDays]),
  };
}

/**
 * The full explanation (facts, components, reasons, cells; keys in the order the detector
 * writes them) from its compact form: what `explanationOf(signal)` gave before, to the bit.
 */
export function expandExplanation(x: CompactExplanation): OverlapExplanation {
  const [
    sharedAreas,
    sharedDomains,
    sharedTargetGroups,
    overlapDays,
    contestedHours,
    kindA,
    kindB,
    tieTypes,
    sharedFunders,
  ] = x.f;
  const facts: PairFacts = {
    sharedAreas,
    sharedDomains,
    sharedTargetGroups,
    overlapDays,
    contestedHours,
    kindA,
    kindB,
    tieTypes,
    sharedFunders,
  };
  const { components, reasons } = scorePair(facts);
  const cells: OverlapCell[] = x.c.map(([areaId, domainId, targetGroupIds, from, to, days]) => ({
    areaId,
    domainId,
    targetGroupIds,
    from,
    to,
    overlapDays: days,
  }));
  return { facts, components, reasons, cells };
}

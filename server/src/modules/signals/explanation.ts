import {
  expandExplanation,
  isCompactExplanation,
  type OverlapCell,
  type OverlapReason,
  type OverlapSignal,
  type PairFacts,
  type ScoreComponents,
  type SignalSnapshot,
  type TieType as OverlapTieType,
} from '../../analytics/overlap/index.ts';
import type { TieType } from '../../db/types.ts';

// What a signal stores of its latest detection (the `explanation` JSON column), and the
// translation of the ties module's English tie types to the analytics' Dutch ones. Detection
// stores the compact form (analytics/overlap/compact.ts: facts and cells, written by the
// detector without building objects); rows stored before hold the full JSON. Both decode to the
// same Explanation.

export interface Explanation {
  facts: PairFacts;
  components: ScoreComponents;
  reasons: OverlapReason[];
  cells: OverlapCell[];
}

export const explanationOf = (s: OverlapSignal): Explanation => ({
  facts: s.facts,
  components: s.components,
  reasons: s.reasons,
  cells: s.cells,
});

/** The full explanation as JSON (the form stored before the compact one; tests). */
export const encodeExplanation = (e: Explanation): string => JSON.stringify(e);

export function decodeExplanation(json: string): Explanation {
  const stored: unknown = JSON.parse(json);
  return isCompactExplanation(stored) ? expandExplanation(stored) : (stored as Explanation);
}

/** What fingerprint.ts compares a dismissed signal against, rebuilt from the stored columns. */
export function snapshotOfStored(row: {
  fingerprint: string;
  score: number;
  explanation: string;
}): SignalSnapshot {
  const e = decodeExplanation(row.explanation);
  return {
    fingerprint: row.fingerprint,
    score: Number(row.score),
    cellKeys: e.cells.map((c) => `${c.areaId}|${c.domainId}`).sort(),
    tieTypes: [...e.facts.tieTypes].sort(),
  };
}

export function parseSnapshot(json: string | null): SignalSnapshot | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as SignalSnapshot;
  } catch {
    return null;
  }
}

export const overlapTieType: Record<TieType, OverlapTieType> = {
  collaboration: 'samenwerking',
  support: 'steun',
  funding: 'financiering',
  referral: 'doorverwijzing',
  information_exchange: 'informatie-uitwisseling',
  tension: 'spanning',
  obstruction: 'tegenwerking',
};

export const apiTieType = Object.fromEntries(
  Object.entries(overlapTieType).map(([k, v]) => [v, k]),
) as Record<OverlapTieType, TieType>;

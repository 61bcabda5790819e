import type {
  OverlapCell,
  OverlapReason,
  OverlapSignal,
  PairFacts,
  ScoreComponents,
  SignalSnapshot,
  TieType as OverlapTieType,
} from '../../analytics/overlap/index.ts';
import type { TieType } from '../../db/types.ts';

// What a signal stores of its latest detection (the `explanation` JSON column), and the
// translation of the ties module's English tie types to the analytics' Dutch ones.

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

export const encodeExplanation = (e: Explanation): string => JSON.stringify(e);

export function decodeExplanation(json: string): Explanation {
  return JSON.parse(json) as Explanation;
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

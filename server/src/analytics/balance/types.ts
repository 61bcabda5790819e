/** Inputs and outputs of the balance index of an alliance (bondgenootschap). */

export interface Contribution {
  /** `YYYY`, `YYYY-MM` or `YYYY-Qn`; periods sort as strings. */
  period: string;
  /** Value in integer euro cents (money, or hours/space/in kind valued in cents); ≥ 0. */
  valueCents: number;
}

export interface BalanceMember {
  id: string;
  /** person = carrier (drager); small/large = organisation size class. */
  kind: 'person' | 'small' | 'large';
  seats: number;
  votes: number;
  contributions: readonly Contribution[];
}

/** One survey answer: how much power/influence a member is perceived to have, 1–4. */
export interface PerceivedPower {
  memberId: string;
  value: number;
}

export interface BalanceOptions {
  /** The index below which the alliance is flagged unbalanced. Default 0.6. */
  threshold?: number;
  /** Only contributions of this period count (used by the trend). Default: all. */
  period?: string;
}

export type BalanceReasonCode =
  | 'index-below-threshold'
  | 'single-majority'
  | 'seats-underrepresented'
  | 'votes-underrepresented'
  | 'votes-concentrated'
  | 'contributions-concentrated'
  | 'perceived-power-disparity';

export interface BalanceReason {
  code: BalanceReasonCode;
  value: number;
  limit: number;
  memberId?: string;
}

/** One part of the index: its raw measure(s), its 0..1 score (1 = balanced) and weight. */
export interface BalancePart {
  score: number | null;
  weight: number;
}

export interface BalanceParts {
  representation: BalancePart & {
    /** Share of members that are persons or small organisations. */
    memberShare: number;
    seatShare: number | null;
    voteShare: number | null;
    /** seatShare / memberShare; null when there are no small members or no seats. */
    seatRatio: number | null;
    voteRatio: number | null;
  };
  voteConcentration: BalancePart & { hhi: number | null; gini: number | null };
  contributionConcentration: BalancePart & {
    hhi: number | null;
    gini: number | null;
    totalCents: number;
  };
  majority: BalancePart & { memberId: string | null; share: number | null };
  perceivedPower: BalancePart & {
    meanSmall: number | null;
    meanLarge: number | null;
    /** (meanLarge − meanSmall) / 3, clamped to 0..1. */
    disparity: number | null;
  };
}

export interface BalanceResult {
  /** 0..1, 1 = balanced; null when no part could be computed. */
  index: number | null;
  parts: BalanceParts;
  unbalanced: boolean;
  reasons: BalanceReason[];
}

export interface BalanceTrendPoint extends BalanceResult {
  period: string;
}

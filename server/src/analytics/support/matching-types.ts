/**
 * Inputs and outputs of support matching (steunaanbod ↔ hulpvraag). Plain data: the service layer
 * maps database rows to these shapes, the API and the benchmark call the same functions.
 *
 * Units: every amount is an integer per month. Money (`type: 'money'`) is in euro cents, staff
 * hours and coaching in whole hours, every other type in whole units the offer defines (rooms,
 * dayparts, introductions). Non-integer amounts are rejected with a RangeError, never rounded.
 */

/** Support types of the issue: geld, ruimte, uren, coaching/expertise, backoffice, materiaal, netwerk. */
export type SupportType =
  'money' | 'space' | 'staff_hours' | 'coaching' | 'backoffice' | 'material' | 'network';

/** Who asks: a carrier (a person) or a small organisation, alliance or initiative. */
export type RequesterKind = 'person' | 'small' | 'alliance' | 'initiative';

export type Urgency = 'low' | 'normal' | 'high';

export interface SupportOffer {
  id: string;
  providerId: string;
  type: SupportType;
  /** Integer per month: cents for money, hours for hours, units otherwise. */
  capacityPerMonth: number;
  start: string;
  end: string | null;
  /** Eligible areas; empty means everywhere. A sub-area of an eligible area is eligible. */
  areaIds: readonly string[];
  /** Eligible domains; empty means any domain. */
  domainIds: readonly string[];
  /** Eligible target groups; empty means any target group. */
  targetGroupIds: readonly string[];
  /** Whether persons (carriers), not only organisations and projects, may receive it. */
  personsEligible: boolean;
}

export interface SupportNeed {
  id: string;
  requesterId: string;
  requesterKind: RequesterKind;
  type: SupportType;
  /** Integer per month, in the unit of the type (cents for money). */
  amountPerMonth: number;
  start: string;
  end: string | null;
  urgency: Urgency;
  areaId: string;
  domainIds: readonly string[];
  targetGroupIds: readonly string[];
}

/** An existing commitment that uses an offer's capacity. */
export interface OfferCommitment {
  offerId: string;
  amountPerMonth: number;
  start: string;
  end: string | null;
}

/** Context shared by all pairs of one matching run. */
export interface MatchContext {
  /** Parent of each area (buurt → wijk → gemeente); roots map to null or are absent. */
  areaParents: ReadonlyMap<string, string | null>;
  /**
   * Existing trust between a provider and a requester in [0, 1] (for instance the mean trust
   * rating of the latest survey round, rescaled). Missing pairs count as 0.
   */
  trust?: (providerId: string, requesterId: string) => number | undefined;
}

/** Why a pair is not suggested at all (hard filters). */
export type ExclusionCode =
  | 'TYPE_MISMATCH'
  | 'SAME_PARTY'
  | 'NO_PERIOD_OVERLAP'
  | 'AREA_NOT_ELIGIBLE'
  | 'DOMAIN_NOT_ELIGIBLE'
  | 'TARGET_GROUP_NOT_ELIGIBLE'
  | 'PERSONS_NOT_ELIGIBLE'
  | 'NO_REMAINING_CAPACITY';

/** How a pair scores (soft criteria); each has a weight and a value in [0, 1]. */
export type ScoreCode =
  | 'CAPACITY_COVERAGE'
  | 'PERIOD_COVERAGE'
  | 'AREA_FIT'
  | 'DOMAIN_FIT'
  | 'TARGET_GROUP_FIT'
  | 'URGENCY'
  | 'TRUST';

/** How the need's area relates to the offer's eligible areas. */
export type AreaRelation = 'same' | 'need_inside_offer' | 'offer_inside_need' | 'anywhere';

export interface ScoreReason {
  code: ScoreCode;
  /** Value of the criterion in [0, 1]. */
  value: number;
  /** Weight of the criterion; the weights sum to 1. */
  weight: number;
  /** `100 × weight × value`: this criterion's contribution to the score. */
  points: number;
}

/** Numbers behind the reasons, for the UI to word ("dekt 80% van de gevraagde uren"). */
export interface MatchFacts {
  requestedPerMonth: number;
  /** Offer capacity minus the peak of its commitments during the overlap. */
  remainingPerMonth: number;
  /** Days of the scored need period that the offer covers. */
  overlapDays: number;
  /** Days of the need's period scored (open-ended needs: a one-year horizon). */
  needDays: number;
  areaRelation: AreaRelation;
  sharedDomains: number;
  sharedTargetGroups: number;
  trust: number;
}

export type PairEvaluation =
  | { eligible: false; exclusions: ExclusionCode[] }
  | { eligible: true; score: number; reasons: ScoreReason[]; facts: MatchFacts };

export interface MatchSuggestion {
  offerId: string;
  needId: string;
  /** 0–100, rounded to 0.01. */
  score: number;
  reasons: ScoreReason[];
  facts: MatchFacts;
}

/** Weights of the soft criteria (sum 1). Exported so docs and tests quote one source. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreCode, number>> = {
  CAPACITY_COVERAGE: 0.3,
  PERIOD_COVERAGE: 0.2,
  AREA_FIT: 0.15,
  DOMAIN_FIT: 0.1,
  TARGET_GROUP_FIT: 0.05,
  URGENCY: 0.1,
  TRUST: 0.1,
};

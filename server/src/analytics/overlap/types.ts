/**
 * Inputs and outputs of overlap detection and ally suggestions. Everything is plain data so the
 * API, the CLI and the benchmarks call the same functions.
 *
 * Dates are calendar days `YYYY-MM-DD` (UTC); an activity's `end` is inclusive and `null` means
 * "still running" (it runs until `asOf`, see {@link OverlapOptions}).
 */

export interface OverlapActivity {
  id: string;
  actorId: string;
  areaIds: readonly string[];
  domainIds: readonly string[];
  targetGroupIds: readonly string[];
  start: string;
  end: string | null;
  /** Hours per week the actor puts into this activity; unknown when absent or null. */
  hoursPerWeek?: number | null;
}

export interface OverlapActor {
  id: string;
  kind: 'person' | 'organisation';
  sizeClass: 'small' | 'large' | null;
  name: string;
}

export type TieType =
  | 'samenwerking'
  | 'steun'
  | 'financiering'
  | 'doorverwijzing'
  | 'informatie-uitwisseling'
  | 'spanning'
  | 'tegenwerking';

/** A tie between two actors. Direction is ignored for overlap scoring. */
export interface OverlapTie {
  source: string;
  target: string;
  type: TieType;
}

/** `funderId` funds `recipientId` (a funding flow or instrument). */
export interface FundingLink {
  funderId: string;
  recipientId: string;
}

export interface OverlapInput {
  activities: readonly OverlapActivity[];
  actors: readonly OverlapActor[];
  ties?: readonly OverlapTie[];
  funders?: readonly FundingLink[];
}

export interface OverlapOptions {
  /** Signals scoring below this are not returned. Default 0.5 (see detect.ts). */
  threshold?: number;
  /**
   * The day open-ended activities (`end: null`) run until. Default: the latest start or end date
   * in the input, so the result depends on the input alone (pure and reproducible).
   */
  asOf?: string;
  /** Only count activity pairs that share at least one target group. Default false. */
  requireSharedTargetGroup?: boolean;
}

/** One area × domain cell where both actors are active at the same time. */
export interface OverlapCell {
  areaId: string;
  domainId: string;
  /** Target groups both actors serve in this cell (over all overlapping activity pairs). */
  targetGroupIds: string[];
  /** First and last day (inclusive) on which any of the pair's activities overlap here. */
  from: string;
  to: string;
  /** The longest overlap of one activity of each actor in this cell, in days (inclusive). */
  overlapDays: number;
}

/** The facts the score is computed from; also what a hand-worked example fixes. */
export interface PairFacts {
  sharedAreas: number;
  sharedDomains: number;
  sharedTargetGroups: number;
  /** The longest overlap over all cells, in days. */
  overlapDays: number;
  /**
   * Contested hours per week: the largest `min(hoursA, hoursB)` over overlapping activity pairs
   * where both hours are known; `null` when no pair has both.
   */
  contestedHours: number | null;
  kindA: SizeKind;
  kindB: SizeKind;
  /** Distinct tie types between the two actors, in either direction. */
  tieTypes: readonly TieType[];
  sharedFunders: number;
}

/** An actor reduced to what the size disparity needs. */
export type SizeKind = 'person' | 'small' | 'large' | 'unknown';

export type ReasonCode =
  | 'shared-areas'
  | 'shared-domains'
  | 'shared-target-groups'
  | 'period-overlap'
  | 'contested-hours'
  | 'size-disparity'
  | 'tension-tie'
  | 'shared-funders'
  | 'collaboration-tie';

/**
 * One structured reason (the UI words it in Dutch). `value` is the fact (a count, days, hours, a
 * tie type's factor), `component` its 0..1 score and `effect` how it moved the final score:
 * `weight` for the base components, `raise` for tension and funders, `factor` for collaboration.
 */
export interface OverlapReason {
  code: ReasonCode;
  value: number;
  component: number;
  effect: { kind: 'weight' | 'raise' | 'factor'; amount: number };
  /** Tie types behind a tie reason. */
  tieTypes?: TieType[];
}

export interface ScoreComponents {
  areas: number;
  domains: number;
  targetGroups: number;
  period: number;
  hours: number;
  sizeDisparity: number;
  /** Weighted sum of the six components above. */
  base: number;
  tension: number;
  funders: number;
  /** Multiplier ≤ 1 from collaboration-type ties (1 = none). */
  collaboration: number;
}

export interface PairScore {
  score: number;
  components: ScoreComponents;
  reasons: OverlapReason[];
}

export interface OverlapSignal extends PairScore {
  /** The two actors, ordered canonically (`actorIds[0] < actorIds[1]` by code unit order). */
  actorIds: [string, string];
  cells: OverlapCell[];
  facts: PairFacts;
  /** Digest of the facts; see fingerprint.ts. */
  fingerprint: string;
}

/** What a stored signal explains: everything of an {@link OverlapSignal} but the pair, score and fingerprint. */
export type OverlapExplanation = Pick<OverlapSignal, 'facts' | 'components' | 'reasons' | 'cells'>;

/**
 * One signal as {@link detectOverlaps} returns it: what is stored and what decides (the pair, the
 * score, the fingerprint). Its explanation is built on demand ({@link OverlapDetection.explain},
 * {@link OverlapDetection.explanationText}): tens of thousands of signals are found, a handful
 * are read.
 */
export interface DetectedSignal {
  /** The two actors, ordered canonically (`actorIds[0] < actorIds[1]` by code unit order). */
  actorIds: [string, string];
  score: number;
  /** Digest of the facts; see fingerprint.ts. */
  fingerprint: string;
}

/** The result of {@link detectOverlaps}: the signals strongest first, explained on demand. */
export interface OverlapDetection {
  readonly signals: readonly DetectedSignal[];
  /** `signals[k]` in full (cells, facts, components, reasons), built now. */
  explain(k: number): OverlapSignal;
  /**
   * `signals[k]`'s explanation as compact JSON text (see compact.ts): its facts and cells only;
   * {@link expandExplanation} rebuilds the components and reasons from the facts. Written
   * straight from the detector's arrays, without building the signal's objects.
   */
  explanationText(k: number): string;
}

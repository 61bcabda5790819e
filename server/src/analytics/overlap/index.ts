export { detectOverlaps, detectOverlapsExplained, DEFAULT_THRESHOLD } from './detect.ts';
export {
  compactOf,
  expandExplanation,
  isCompactExplanation,
  type CompactExplanation,
} from './compact.ts';
export { detectOverlapsNaive } from './naive.ts';
export {
  scorePair,
  sizeDisparity,
  sizeKindOf,
  saturate,
  SCORE_WEIGHTS,
  TENSION_RAISE,
  COLLABORATION_FACTOR,
} from './score.ts';
export {
  changedMaterially,
  fingerprintOf,
  materialChanges,
  snapshotOf,
  MATERIAL_SCORE_RISE,
  type MaterialChange,
  type SignalSnapshot,
} from './fingerprint.ts';
export { dayNumber, dayString } from './dates.ts';
export type * from './types.ts';
export {
  suggestAllies,
  sizeMix,
  ALLY_WEIGHTS,
  type AllyExclusion,
  type AllyInput,
  type AllyOptions,
  type AllyReason,
  type AllyResult,
  type AllySuggestion,
  type SupportCapacity,
  type TrustScore,
} from './allies.ts';

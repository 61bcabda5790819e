import { consentPurposes, type ConsentDecision, type ConsentPurpose } from '../../db/types.ts';

// What a participant's consent allows, from the append-only history: the latest decision per
// purpose counts. Later parts (waves, questionnaires, exports) ask these helpers before they
// collect or export anything.

export type ConsentState = ConsentDecision | 'none';
export type ConsentStates = Record<ConsentPurpose, ConsentState>;

/** The latest decision per purpose; events in the order they were recorded. */
export function consentStates(
  events: readonly { purpose: ConsentPurpose; decision: ConsentDecision }[],
): ConsentStates {
  const out = Object.fromEntries(consentPurposes.map((p) => [p, 'none'])) as ConsentStates;
  for (const e of events) out[e.purpose] = e.decision;
  return out;
}

/**
 * New data of this purpose may be collected: participation is given, and so is the purpose
 * itself (a recording needs participation and recording). Nothing after a withdrawal.
 */
export const mayCollect = (states: ConsentStates, purpose: ConsentPurpose): boolean =>
  states.participation === 'given' && states[purpose] === 'given';

/**
 * Included in the next export: participation is given, and for an export meant for reuse
 * (another study, an archive) reuse is given too. A withdrawal excludes the participant from
 * every export made after it.
 */
export const exportable = (states: ConsentStates, use: 'study' | 'reuse' = 'study'): boolean =>
  states.participation === 'given' && (use === 'study' || states.reuse === 'given');

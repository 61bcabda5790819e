import type { ObstacleStatus } from '../../db/types.ts';

// The response state machine: an owner answers step by step. Pure, so the rules are tested alone.

const next: Record<ObstacleStatus, readonly ObstacleStatus[]> = {
  reported: ['acknowledged'],
  acknowledged: ['in_progress'],
  in_progress: ['resolved', 'unresolvable', 'forwarded'],
  resolved: [],
  unresolvable: [],
  forwarded: [],
  withdrawn: [],
  merged: [],
};

/** The statuses an owner may answer next from `from`. */
export const nextStatuses = (from: ObstacleStatus): readonly ObstacleStatus[] => next[from];

export const canTransition = (from: ObstacleStatus, to: ObstacleStatus): boolean =>
  next[from].includes(to);

/** These need an explanation: why it cannot be solved, or to whom it went. */
export const needsExplanation = (to: ObstacleStatus): boolean =>
  to === 'unresolvable' || to === 'forwarded';

/** No further response is expected. */
export const isClosed = (s: ObstacleStatus): boolean => next[s].length === 0;

/** Resolution: the owner's final answer (resolved, unresolvable or forwarded). */
export const isOutcome = (s: ObstacleStatus): boolean =>
  s === 'resolved' || s === 'unresolvable' || s === 'forwarded';

/** Open for endorsements, routing and withdrawal. */
export const isOpen = (s: ObstacleStatus): boolean =>
  s === 'reported' || s === 'acknowledged' || s === 'in_progress';

/** An anonymous report's time: the day only, so it cannot be matched to a session or log line. */
export const dayOnly = (iso: string): string => `${iso.slice(0, 10)}T00:00:00.000Z`;

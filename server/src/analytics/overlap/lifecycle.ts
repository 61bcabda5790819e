/**
 * The lifecycle of an overlap signal, as a pure state machine (the service stores what it
 * decides; the API, the detection job and the tests share it).
 *
 * ```
 * open ──► seen ──► in_dialogue ──► alliance_formed
 *   │        │            │   └───► resolved
 *   │        │            └───────► dismissed
 *   │        ├──► in_dialogue, resolved, dismissed
 *   └──► in_dialogue, dismissed
 * dismissed ──► open   (the system only: detection found a material change of the facts)
 * ```
 *
 * Who moves a signal:
 * - `party`: a user whose carrier (actor linked to their account) is one of the two actors;
 * - `coordinator`: a coordinator or admin of the workspace (they act for organisations, which
 *   have no account of their own, and moderate);
 * - `system`: the detection run, which only ever reopens a dismissed signal;
 * - `other`: anyone else (other members, policy officers, researchers): never.
 *
 * Parties and coordinators have the same rights: either party may move the signal, as the issue
 * asks ("either party"), and the coordinators of the area may as well. `alliance_formed`,
 * `resolved` and `dismissed` are final for people. Only a dismissed signal comes back, as `open`,
 * and only when detection finds its facts changed materially (fingerprint.ts); the outcome of a
 * dialogue (an alliance, a resolution) stays recorded. Dismissing needs a reason; forming an
 * alliance names the alliance.
 */

export const signalStates = [
  'open',
  'seen',
  'in_dialogue',
  'alliance_formed',
  'resolved',
  'dismissed',
] as const;
export type SignalState = (typeof signalStates)[number];

export const signalRoles = ['party', 'coordinator', 'system', 'other'] as const;
export type SignalRole = (typeof signalRoles)[number];

/** The moves people (parties and coordinators) may make, per state. */
export const PEOPLE_MOVES: Readonly<Record<SignalState, readonly SignalState[]>> = {
  open: ['seen', 'in_dialogue', 'dismissed'],
  seen: ['in_dialogue', 'resolved', 'dismissed'],
  in_dialogue: ['alliance_formed', 'resolved', 'dismissed'],
  alliance_formed: [],
  resolved: [],
  dismissed: [],
};

/** The moves of the detection run. */
export const SYSTEM_MOVES: Readonly<Record<SignalState, readonly SignalState[]>> = {
  open: [],
  seen: [],
  in_dialogue: [],
  alliance_formed: [],
  resolved: [],
  dismissed: ['open'],
};

export interface TransitionRequest {
  from: SignalState;
  to: SignalState;
  role: SignalRole;
  /** Required (non-blank) for `dismissed`; for `open` by the system, the material change. */
  reason?: string | null;
  /** Required for `alliance_formed`. */
  allianceId?: string | null;
}

export type TransitionRefusal =
  /** The caller may not move this signal at all. */
  | 'forbidden'
  /** Not a move of the machine from this state (for this role). */
  | 'invalid_transition'
  | 'reason_required'
  | 'alliance_required';

export type TransitionResult = { ok: true } | { ok: false; refusal: TransitionRefusal };

/** The states `role` may move a signal to from `from`. */
export function allowedMoves(from: SignalState, role: SignalRole): readonly SignalState[] {
  if (role === 'party' || role === 'coordinator') return PEOPLE_MOVES[from];
  if (role === 'system') return SYSTEM_MOVES[from];
  return [];
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/**
 * Decides one transition. The order of the checks is the order of the answers: who (403), then
 * whether the move exists (409), then what it needs (400).
 */
export function decideTransition(req: TransitionRequest): TransitionResult {
  if (req.role === 'other') return { ok: false, refusal: 'forbidden' };
  if (!allowedMoves(req.from, req.role).includes(req.to)) {
    return { ok: false, refusal: 'invalid_transition' };
  }
  if ((req.to === 'dismissed' || (req.role === 'system' && req.to === 'open')) && blank(req.reason))
    return { ok: false, refusal: 'reason_required' };
  if (req.to === 'alliance_formed' && blank(req.allianceId))
    return { ok: false, refusal: 'alliance_required' };
  return { ok: true };
}

/** States a list shows as "needs attention" (not final). */
export const activeStates: readonly SignalState[] = ['open', 'seen', 'in_dialogue'];

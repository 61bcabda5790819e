import type { SignalRole } from '../../analytics/overlap/lifecycle.ts';
import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import { canSee, viewerOf } from '../records/visibility.ts';
import type { ActorInfo } from './input.ts';

// Who sees and moves a signal (the policy comment in auth/policy.ts says the same). Least by
// default: a signal names two actors, one often a private carrier, and what they compete on.
// - coordinators and admins (signals.manage) see and move every signal of the workspace;
// - a party — a user whose carrier (the actor linked to their account) is one of the two — sees
//   and moves that signal;
// - nobody else: not other members, not policy officers or researchers (they get aggregates
//   elsewhere). Not visible means 404, so a signal's existence is not revealed.

export const userIdOfActor = (actor: Actor): string | null =>
  actor.kind === 'user' ? actor.userId : null;

/** Coordinators, admins and the system see every signal. */
export const seesAll = (actor: Actor, workspaceId: string) =>
  can(actor, 'signals.manage', workspaceId);

/** The caller's role towards one signal, from the user ids linked to its two actors. */
export function signalRole(
  actor: Actor,
  workspaceId: string,
  partyUserIds: readonly (string | null)[],
): SignalRole {
  if (actor.kind === 'system') return 'system';
  if (seesAll(actor, workspaceId)) return 'coordinator';
  const me = userIdOfActor(actor);
  return me !== null && partyUserIds.includes(me) ? 'party' : 'other';
}

/** Whether the caller may see an actor (coordinators and admins see all; a person their own). */
export function seesActorInfo<A extends Pick<ActorInfo, 'visibility' | 'userId'>>(
  actor: Actor,
  workspaceId: string,
  a: A | undefined,
): a is A {
  return (
    a !== undefined &&
    canSee(viewerOf(actor, workspaceId), { visibility: a.visibility, owner_user_id: a.userId })
  );
}

/** How an actor of a signal is shown to the caller: its name only when they may see it. */
export function actorOut(actor: Actor, workspaceId: string, a: ActorInfo | undefined, id: string) {
  const visible = seesActorInfo(actor, workspaceId, a);
  return {
    id,
    name: visible ? a.name : null,
    kind: visible ? a.kind : null,
    sizeClass: visible ? a.sizeClass : null,
  };
}

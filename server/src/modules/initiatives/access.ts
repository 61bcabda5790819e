import type { Actor } from '../../context.ts';
import type { Visibility } from '../../db/types.ts';
import { canSee, type Viewer } from '../records/visibility.ts';
import { isManager, userIdOf } from '../activities/checks.ts';

// Who sees and who changes an initiative (and the results and recognitions tied to it).

interface LinkedActor {
  user_id: string | null;
}

/** Its visibility level, or the viewer's own carrier takes part in it. */
export function seesInitiative(
  viewer: Viewer,
  initiative: { visibility: Visibility },
  participants: readonly LinkedActor[],
): boolean {
  if (canSee(viewer, { visibility: initiative.visibility })) return true;
  return viewer.userId !== null && participants.some((p) => p.user_id === viewer.userId);
}

/** The caller's own carrier is among these actors (with the given role, when one is named). */
export function ownAmong(
  actor: Actor,
  actors: readonly (LinkedActor & { role?: string })[],
  role?: string,
): boolean {
  const userId = userIdOf(actor);
  return (
    userId !== null &&
    actors.some((a) => a.user_id === userId && (role === undefined || a.role === role))
  );
}

/** Coordinators and admins, or a carrier of the initiative. */
export const mayEditInitiative = (
  actor: Actor,
  workspaceId: string,
  participants: readonly (LinkedActor & { role: string })[],
) => isManager(actor, workspaceId) || ownAmong(actor, participants, 'carrier');

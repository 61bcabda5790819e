import type { Actor } from '../../context.ts';
import type { Visibility } from '../../db/types.ts';
import { can } from '../../auth/policy.ts';

/**
 * Who sees a record. Private records (persons by default) are seen by coordinators and admins
 * (directory.manage) and by the carrier linked to the record; workspace records by every member;
 * public records by everyone, including the public map and the HSDS export.
 */
export interface Viewer {
  /** Sees private records (coordinators, admins, the system). */
  seesPrivate: boolean;
  /** The viewing user, who also sees their own private carrier record. */
  userId: string | null;
  /** A member of the workspace (sees workspace records); false for the public. */
  member: boolean;
}

export function viewerOf(actor: Actor, workspaceId: string): Viewer {
  if (actor.kind === 'system') return { seesPrivate: true, userId: null, member: true };
  if (actor.kind !== 'user') return { seesPrivate: false, userId: null, member: false };
  return {
    seesPrivate: can(actor, 'directory.manage', workspaceId),
    userId: actor.userId,
    member: can(actor, 'directory.read', workspaceId),
  };
}

export const publicViewer: Viewer = { seesPrivate: false, userId: null, member: false };

export function canSee(
  viewer: Viewer,
  record: { visibility: Visibility; owner_user_id?: string | null },
): boolean {
  if (record.visibility === 'public') return true;
  if (record.visibility === 'workspace') return viewer.member || viewer.seesPrivate;
  return viewer.seesPrivate || (viewer.userId !== null && record.owner_user_id === viewer.userId);
}

/** Visibilities a viewer sees regardless of ownership (for SQL filters). */
export function visibleLevels(viewer: Viewer): Visibility[] {
  if (viewer.seesPrivate) return ['private', 'workspace', 'public'];
  if (viewer.member) return ['workspace', 'public'];
  return ['public'];
}

/** The stricter of two visibilities (an activity is never more visible than its actor). */
export function stricter(a: Visibility, b: Visibility): Visibility {
  const order: Visibility[] = ['private', 'workspace', 'public'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}

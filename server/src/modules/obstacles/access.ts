import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ObstaclesTable } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import { userIdOf } from '../activities/checks.ts';
import { isOwnerMember } from './owners-repo.ts';
import { endorsementsOf, findObstacle } from './repo.ts';

// Who sees what of an obstacle. Hidden obstacles exist only for moderators. The history goes to
// the named reporter, endorsers, the owner's members and moderators.

export const isModerator = (actor: Actor, workspaceId: string) =>
  can(actor, 'obstacles.moderate', workspaceId);

export interface ObstacleView {
  row: ObstaclesTable;
  endorsements: Awaited<ReturnType<typeof endorsementsOf>>;
  userId: string | null;
  moderator: boolean;
  isReporter: boolean;
  hasEndorsed: boolean;
  isOwner: boolean;
  seesHistory: boolean;
}

/** The obstacle as the actor may see it, or 404. */
export async function viewObstacle(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<ObstacleView> {
  const row = await findObstacle(db, workspaceId, id);
  const moderator = isModerator(actor, workspaceId);
  if (!row || (row.hidden_at !== null && !moderator)) throw notFound('No such obstacle.');
  const userId = userIdOf(actor);
  const endorsements = await endorsementsOf(db, workspaceId, id);
  // reporter_user_id is null for anonymous reports, so nobody is ever their reporter.
  const isReporter = userId !== null && row.reporter_user_id === userId;
  const hasEndorsed = userId !== null && endorsements.some((e) => e.user_id === userId);
  const isOwner =
    actor.kind === 'system' ||
    (userId !== null &&
      row.owner_id !== null &&
      can(actor, 'obstacles.respond', workspaceId) &&
      (await isOwnerMember(db, workspaceId, row.owner_id, userId)));
  return {
    row,
    endorsements,
    userId,
    moderator,
    isReporter,
    hasEndorsed,
    isOwner,
    seesHistory: moderator || isOwner || isReporter || hasEndorsed,
  };
}

import type { Rating } from '../../analytics/network/graph.ts';
import type { Actor, AppContext } from '../../context.ts';
import { seesActor } from '../activities/checks.ts';
import { assertNoErrors, queryError } from '../directory/service.ts';
import { viewerOf } from '../records/visibility.ts';
import { findRound, roundAnswers, roundMembers } from '../surveys/repo.ts';
import { ratingItems } from '../surveys/schema.ts';

// The snapshot of a closed survey round (`?round=`): its ties are the survey ties it wrote when it
// closed (dated on its snapshot day), every member the caller may see is a node (also members
// nobody named), and the submitted answers are the PARTNER ratings behind trust and value. A
// closed round never changes, so its network is cached like any other (keyed on the round).

export interface RoundSnapshot {
  id: string;
  day: string;
  memberIds: string[];
  ratings: Rating[];
}

export async function roundSnapshot(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  roundId: string,
): Promise<RoundSnapshot> {
  const round = await findRound(ctx.db, workspaceId, roundId);
  const closed = round?.status === 'closed' && round.snapshot_on !== null;
  assertNoErrors(
    closed
      ? []
      : [
          round
            ? queryError('/round', 'round_not_closed', 'The survey round is not closed yet.')
            : queryError('/round', 'unknown_round', 'No such survey round in this workspace.'),
        ],
    'The query has 1 error(s).',
  );
  const viewer = viewerOf(actor, workspaceId);
  const members = (await roundMembers(ctx.db, workspaceId, roundId)).filter((m) =>
    seesActor(viewer, m),
  );
  const seen = new Set(members.map((m) => m.actor_id));
  // Only submitted answers count (an answer saved while the round was closing has no submit).
  const raters = new Set(members.filter((m) => m.submitted_at !== null).map((m) => m.actor_id));
  const answers = await roundAnswers(ctx.db, workspaceId, roundId);
  const ratings: Rating[] = answers
    .filter((a) => Number(a.chosen) === 1 && raters.has(a.rater_id) && seen.has(a.alter_id))
    .map((a) => ({
      rater: a.rater_id,
      ratee: a.alter_id,
      ...Object.fromEntries(ratingItems.map((k) => [k, a[k]])),
    }));
  return { id: roundId, day: round!.snapshot_on!, memberIds: [...seen].sort(), ratings };
}

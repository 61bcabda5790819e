import type { Db } from '../../db/dialect.ts';

// Perceived power/influence of an alliance's actors from closed network survey rounds
// (netwerkmetingen, issue 4): PARTNER's value item "power", 1–4, as others rated them. Kysely only.

export interface PowerRating {
  roundId: string;
  /** The round's snapshot day (the day it was closed). */
  day: string;
  raterId: string;
  actorId: string;
  value: number;
}

/**
 * Every power rating the actors received in the workspace's rounds closed on or before `day`,
 * from members who submitted.
 */
export async function powerRatings(
  db: Db,
  workspaceId: string,
  actorIds: readonly string[],
  day: string,
): Promise<PowerRating[]> {
  if (actorIds.length === 0) return [];
  const rows = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_rounds as r', 'r.id', 'a.round_id')
    // Only answers of members who submitted count (as in the round's network).
    .innerJoin('survey_members as m', (j) =>
      j.onRef('m.round_id', '=', 'a.round_id').onRef('m.actor_id', '=', 'a.rater_id'),
    )
    .select(['r.id as round_id', 'r.snapshot_on', 'a.rater_id', 'a.alter_id', 'a.power'])
    .where('r.workspace_id', '=', workspaceId)
    .where('a.workspace_id', '=', workspaceId)
    .where('r.status', '=', 'closed')
    .where('r.snapshot_on', '<=', day)
    .where('m.submitted_at', 'is not', null)
    .where('a.chosen', '=', 1)
    .where('a.power', 'is not', null)
    .where('a.alter_id', 'in', [...new Set(actorIds)])
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    day: r.snapshot_on!,
    raterId: r.rater_id,
    actorId: r.alter_id,
    value: Number(r.power),
  }));
}

import { suggestAllies } from '../../analytics/overlap/index.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { notFound } from '../../http/problem.ts';
import { canSee, viewerOf } from '../records/visibility.ts';
import { actorOut, seesAll, userIdOfActor } from './access.ts';
import { apiTieType } from './explanation.ts';
import { loadActivities, loadActors, loadTies } from './input.ts';
import { inputOfferProviders } from './input-repo.ts';
import type { AllySuggestionsOut } from './schema.ts';

// Ally suggestions for one actor (analytics/overlap/allies.ts): parties active in its areas with
// complementary domains, an existing cooperative tie or support to offer. Reads the focal actor's
// activities, then only the activities in its areas (one query per input kind), its current ties
// and the providers of running support offers (capacity 1 each). Only actors the caller may see
// are suggested; who was left out for competing under tension is shown only to the actor's own
// user and to coordinators (it is what an overlap signal says).

export async function allySuggestions(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
  limit: number,
): Promise<AllySuggestionsOut> {
  assertCan(actor, 'signals.read', workspaceId);
  const today = nowIso(ctx).slice(0, 10);
  const actors = new Map((await loadActors(ctx.db, workspaceId)).map((a) => [a.id, a]));
  const viewer = viewerOf(actor, workspaceId);
  const visible = (id: string) => {
    const a = actors.get(id);
    return a !== undefined && canSee(viewer, { visibility: a.visibility, owner_user_id: a.userId });
  };
  const focal = actors.get(actorId);
  if (focal === undefined || !visible(actorId)) throw notFound('No such actor.');

  const own = await loadActivities(ctx.db, workspaceId, { actorIds: [actorId] });
  const areaIds = [...new Set(own.flatMap((a) => a.areaIds))];
  const [around, ties, providers] = await Promise.all([
    loadActivities(ctx.db, workspaceId, { areaIds }),
    loadTies(ctx.db, workspaceId, today, [actorId]),
    inputOfferProviders(ctx.db, workspaceId, today),
  ]);
  const result = suggestAllies(
    {
      focalActorId: actorId,
      actors: [...actors.values()],
      activities: [...own, ...around.filter((a) => a.actorId !== actorId)],
      ties,
      capacity: providers.map((p) => ({ actorId: p.provider_id, value: 1 })),
    },
    // Ask for more than the limit: some may be hidden from the caller.
    { limit: actors.size },
  );
  const mayKnowTension = seesAll(actor, workspaceId) || focal.userId === userIdOfActor(actor);
  return {
    actorId,
    suggestions: result.suggestions
      .filter((s) => visible(s.actorId))
      .slice(0, limit)
      .map((s) => ({
        actor: actorOut(actor, workspaceId, actors.get(s.actorId), s.actorId),
        score: s.score,
        sharedAreaIds: s.sharedAreaIds,
        complementaryDomainIds: s.complementaryDomainIds,
        reasons: s.reasons,
      })),
    excluded: mayKnowTension
      ? result.excluded
          .filter((x) => visible(x.actorId))
          .map((x) => ({
            actor: actorOut(actor, workspaceId, actors.get(x.actorId), x.actorId),
            reason: x.reason,
            sharedCells: x.sharedCells,
            tieTypes: x.tieTypes.map((t) => apiTieType[t]),
          }))
      : [],
  };
}

import {
  COMPARED_NETWORK_METRICS,
  COMPARED_NODE_METRICS,
  compareSnapshots,
} from '../../analytics/network/compare.ts';
import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { comparisonSchemaOf, type ComparisonQuery } from './schema.ts';
import { assertNoErrors, queryError } from '../directory/service.ts';
import { roundSnapshot } from './round.ts';
import { checkFilter, networkAsOf, seesFullScores, todayUtc } from './service.ts';

export const comparisonSchema = comparisonSchemaOf(COMPARED_NODE_METRICS, COMPARED_NETWORK_METRICS);

/** The same day a year earlier (29 February: 1 March). */
export function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * `GET …/network/comparison`: the network on `from` and on `to` (each through the read cache) and
 * their per-node and network deltas (analytics/network/compare.ts: after − before of each
 * snapshot's own, normalised values). Nodes keep the label and kind of the later snapshot when
 * they are in both.
 */
export async function getComparison(
  ctx: AppContext,
  actor: Actor,
  ws: Pick<Workspace, 'id' | 'directory_version'>,
  q: ComparisonQuery,
) {
  assertCan(actor, 'network.read', ws.id);
  const { from: fromQ, to: toQ, fromRound, toRound, ...filter } = q;
  let to = toQ ?? todayUtc(ctx);
  let from = fromQ ?? yearBefore(to);
  let before, after;
  if (fromRound || toRound) {
    // Two survey rounds: each one's frozen snapshot, compared like two days.
    const missing = fromRound ? '/toRound' : '/fromRound';
    assertNoErrors(
      fromRound && toRound
        ? []
        : [queryError(missing, 'required', 'Give both fromRound and toRound.')],
      'The query has 1 error(s).',
    );
    const f = await checkFilter(ctx, ws.id, filter);
    const earlier = await roundSnapshot(ctx, actor, ws.id, fromRound!);
    const later = await roundSnapshot(ctx, actor, ws.id, toRound!);
    [from, to] = [earlier.day, later.day];
    const fullScores = seesFullScores(actor, ws.id);
    before = await networkAsOf(ctx, actor, ws, from, { ...f, round: earlier, fullScores });
    after = await networkAsOf(ctx, actor, ws, to, { ...f, round: later, fullScores });
  } else {
    const f = await checkFilter(ctx, ws.id, filter, { from, to });
    before = await networkAsOf(ctx, actor, ws, from, f);
    after = await networkAsOf(ctx, actor, ws, to, f);
  }
  const c = compareSnapshots(before, after);
  const about = new Map([...before.nodes, ...after.nodes].map((x) => [x.id, x]));
  return {
    from,
    to,
    nodes: c.nodes.map((x) => ({
      id: x.id,
      label: about.get(x.id)!.label,
      kind: about.get(x.id)!.kind,
      presence: x.presence,
      changes: x.changes,
    })),
    network: c.network,
    joined: c.joined,
    left: c.left,
  };
}

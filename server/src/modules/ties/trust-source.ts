import { trustLookup, type TrustTie } from '../../analytics/support/trust.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { allTies, hasTies } from './repo.ts';
import { actorViewer } from './service.ts';

// Existing trust for matching (issue 6), from the recorded ties of one party: the rule itself is
// the pure analytics/support/trust.ts. Only ties the caller may see count, so a score never
// reveals a tie the caller could not list.

export interface TrustSource {
  /** (providerId, requesterId) → trust in [0, 1]. */
  trust: (providerId: string, requesterId: string) => number;
  /** The workspace has ties at all; without any, trust is 0 for everyone. */
  known: boolean;
}

export async function trustAround(
  db: Db,
  actor: Actor,
  workspaceId: string,
  actorId: string,
  asOf: string,
): Promise<TrustSource> {
  if (!(await hasTies(db, workspaceId))) return { trust: () => 0, known: false };
  const rows = await allTies(db, workspaceId, {
    actorId,
    activeOn: asOf,
    viewer: actorViewer(actor, workspaceId),
  });
  const ties: TrustTie[] = rows.map((r) => ({
    fromId: r.from_actor_id,
    toId: r.to_actor_id,
    type: r.type,
    intensity: r.intensity,
    start: r.start_date,
    end: r.end_date,
  }));
  return { trust: trustLookup(ties, asOf), known: true };
}

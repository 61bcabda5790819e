import type { Db } from '../../db/dialect.ts';

// The actors whose overlap facts changed since the last detection, as the database's triggers
// recorded them (migration 0022). Detection reads the rows, re-scores the pairs of those actors,
// and in its storing transaction deletes exactly the rows it read: a row committed meanwhile —
// on PostgreSQL possibly with a smaller id than one already read — stays for the next run.

export interface PendingChanges {
  /** The distinct actors named by the rows read. */
  actorIds: Set<string>;
  /** The ids read, as inclusive ranges of consecutive ids (a bulk write is one range). */
  ranges: [number, number][];
}

export async function pendingChanges(db: Db, workspaceId: string): Promise<PendingChanges> {
  const rows = await db
    .selectFrom('overlap_changes')
    .select(['id', 'actor_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const actorIds = new Set<string>();
  const ranges: [number, number][] = [];
  for (const r of rows) {
    actorIds.add(r.actor_id);
    const id = Number(r.id);
    const last = ranges[ranges.length - 1];
    if (last && last[1] === id - 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return { actorIds, ranges };
}

const RANGES_PER_STATEMENT = 200;

/** Deletes the rows {@link pendingChanges} read (call it in the transaction that stores the result). */
export async function clearChanges(
  db: Db,
  workspaceId: string,
  ranges: readonly [number, number][],
) {
  for (let i = 0; i < ranges.length; i += RANGES_PER_STATEMENT) {
    const part = ranges.slice(i, i + RANGES_PER_STATEMENT);
    await db
      .deleteFrom('overlap_changes')
      .where('workspace_id', '=', workspaceId)
      .where((eb) => eb.or(part.map(([lo, hi]) => eb.between('id', lo, hi))))
      .execute();
  }
}

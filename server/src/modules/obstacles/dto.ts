import type { Db } from '../../db/dialect.ts';
import type { ObstaclesTable } from '../../db/types.ts';
import type { ObstacleView } from './access.ts';
import { nextStatuses } from './lifecycle.ts';
import { listOwners } from './owners-repo.ts';
import { endorsementCounts, eventsOf, linksOfObstacles } from './repo.ts';
import type { ObstacleDetail } from './schema.ts';

// Rows to answers. Only declared fields leave (the response schema strips the rest), and the
// reporter's account never appears in any answer.

export async function summaries(db: Db, workspaceId: string, rows: ObstaclesTable[]) {
  const ids = rows.map((r) => r.id);
  const [links, counts, owners] = await Promise.all([
    linksOfObstacles(db, workspaceId, ids),
    endorsementCounts(db, workspaceId, ids),
    listOwners(db, workspaceId),
  ]);
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    subcategory: r.subcategory,
    severity: r.severity,
    title: r.title,
    description: r.description,
    whatWouldHelp: r.what_would_help,
    areaIds: links.get(r.id)?.areaIds ?? [],
    domainIds: links.get(r.id)?.domainIds ?? [],
    initiativeId: r.initiative_id,
    reporterKind: r.reporter_kind,
    status: r.status,
    ownerId: r.owner_id,
    ownerName: r.owner_id ? (ownerName.get(r.owner_id) ?? null) : null,
    dueDate: r.due_date,
    mergedIntoId: r.merged_into_id,
    hidden: r.hidden_at !== null,
    endorsementCount: counts.get(r.id) ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function detailOf(
  db: Db,
  workspaceId: string,
  v: ObstacleView,
): Promise<ObstacleDetail> {
  const [summary] = await summaries(db, workspaceId, [v.row]);
  const history = v.seesHistory
    ? (await eventsOf(db, workspaceId, v.row.id)).map((e) => ({
        kind: e.kind,
        status: e.status,
        note: e.note,
        actorRole: e.actor_role,
        createdAt: e.created_at,
      }))
    : null;
  return {
    ...summary!,
    endorsements: v.endorsements.map((e) => ({
      id: e.id,
      context: e.context,
      createdAt: e.created_at.slice(0, 10),
      mine: e.user_id === v.userId,
    })),
    history,
    hiddenReason: v.moderator ? v.row.hidden_reason : null,
    viewer: {
      isReporter: v.isReporter,
      hasEndorsed: v.hasEndorsed,
      isOwner: v.isOwner,
      canModerate: v.moderator,
      nextStatuses: v.isOwner && v.row.owner_id ? [...nextStatuses(v.row.status)] : [],
    },
  };
}

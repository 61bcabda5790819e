import type { Db } from '../../db/dialect.ts';

// Names for the dashboard and report: areas and domains of the workspace, and its name.

export async function areaNames(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function domainLabels(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'label_nl', 'label_en'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'domain')
    .execute();
  return new Map(rows.map((r) => [r.id, { nl: r.label_nl, en: r.label_en }]));
}

export const workspaceName = async (db: Db, workspaceId: string) =>
  (
    await db
      .selectFrom('workspaces')
      .select(['name', 'slug'])
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow()
  ).name;

/** The latest explanation per obstacle (the owner's final word, for the report). */
export async function lastExplanations(db: Db, workspaceId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('obstacle_events as e')
    .innerJoin('obstacles as o', 'o.id', 'e.obstacle_id')
    .select(['e.obstacle_id', 'e.note', 'e.created_at'])
    .where('e.workspace_id', '=', workspaceId)
    .where('e.kind', '=', 'status')
    .where('e.note', 'is not', null)
    .where('o.created_at', '>=', from)
    .where('o.created_at', '<', to)
    .orderBy('e.created_at')
    .execute();
  return new Map(rows.map((r) => [r.obstacle_id, r.note ?? '']));
}

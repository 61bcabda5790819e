import type { Db } from '../../db/dialect.ts';

// The network's reads beyond the ties themselves (ties/repo.ts filters those by visibility, day,
// type and area). Kysely only; every query filters on the workspace.

const CHUNK = 400;

/** Ids of the actors working in a domain (a taxonomy term linked to the actor record). */
export async function actorIdsInDomain(
  db: Db,
  workspaceId: string,
  domainId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('record_terms')
    .select('record_id')
    .where('workspace_id', '=', workspaceId)
    .where('record_type', '=', 'actor')
    .where('term_id', '=', domainId)
    .execute();
  return new Set(rows.map((r) => r.record_id));
}

/** The actors that are nodes of the network, by id. */
export async function nodeActors(db: Db, workspaceId: string, ids: readonly string[]) {
  const all = [...new Set(ids)];
  const rows = [];
  for (let i = 0; i < all.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('actors')
        .select(['id', 'name', 'kind', 'org_kind', 'size_class'])
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', all.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

import type { Db } from '../../db/dialect.ts';
import type { TaxonomyKind, TaxonomyTermsTable } from '../../db/types.ts';

export async function insertTerms(db: Db, rows: TaxonomyTermsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('taxonomy_terms').values(rows).execute();
}

export async function listTerms(
  db: Db,
  workspaceId: string,
  filter: { kind?: TaxonomyKind | undefined; includeArchived: boolean },
) {
  let q = db.selectFrom('taxonomy_terms').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (!filter.includeArchived) q = q.where('archived_at', 'is', null);
  return q.orderBy('kind').orderBy('position').orderBy('label_nl').orderBy('id').execute();
}

export async function findTerm(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('taxonomy_terms')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function slugTaken(
  db: Db,
  workspaceId: string,
  kind: TaxonomyKind,
  slug: string,
): Promise<boolean> {
  return !!(await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst());
}

export async function maxPosition(db: Db, workspaceId: string, kind: TaxonomyKind) {
  const r = await db
    .selectFrom('taxonomy_terms')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? -1 : Number(r.p);
}

export async function updateTerm(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<
    Pick<
      TaxonomyTermsTable,
      'slug' | 'label_nl' | 'label_en' | 'description' | 'position' | 'archived_at'
    >
  >,
): Promise<void> {
  await db
    .updateTable('taxonomy_terms')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

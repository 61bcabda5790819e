import type { Db } from '../../db/dialect.ts';
import type { Viewer } from '../records/visibility.ts';
import { entryVisibleTo } from './repo.ts';

// The area page: what goes on in an area and its sub-areas. `areaIds` is the area and its
// sub-areas (at most a few hundred, even for a large gemeente); record_areas_area_idx
// (area_id, record_type, record_id) finds the links, the entries' primary key the rest. The link
// tables are not filtered on workspace_id again: the area ids belong to the workspace, the entries
// are filtered on it, and the check would cost a table row per link where the index alone answers.

/** Every figure of an area code, over all its CBS years; the latest boundary year wins a tie. */
export const indicatorsOfCode = (db: Db, workspaceId: string, code: string) =>
  db
    .selectFrom('areas as a')
    .innerJoin('area_indicators as ai', 'ai.area_id', 'a.id')
    .select(['ai.key', 'ai.year', 'ai.value'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.code', '=', code)
    .where('ai.workspace_id', '=', workspaceId)
    .orderBy('ai.key')
    .orderBy('ai.year')
    .orderBy('a.cbs_year')
    .execute();

export const domainsOf = (db: Db, workspaceId: string) =>
  db
    .selectFrom('taxonomy_terms')
    .select(['id', 'label_nl as labelNl', 'label_en as labelEn', 'archived_at as archivedAt'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'domain')
    .orderBy('position')
    .orderBy('label_nl')
    .orderBy('id')
    .execute();

/**
 * Who is active in the areas, in one pass over their links: every visible actor linked to them or
 * doing an activity there, once per term of those activities (termId null: linked directly, or
 * activities without terms). Carriers are the persons among them; the "wie doet wat" matrix the
 * rows with a domain (the caller knows which terms are domains: restricting the terms here made
 * SQLite probe record_terms once per domain instead of reading the activity's few terms). The
 * pairs are made distinct before the actors' names are looked up, so each actor's entry is read
 * once per term rather than once per activity. The entry checked for visibility is the linked
 * record's: an activity has its actor's visibility and owner.
 */
export function activeActors(db: Db, workspaceId: string, viewer: Viewer, areaIds: string[]) {
  const visible = entryVisibleTo(viewer);
  return db
    .selectFrom((eb) => {
      let pairs = eb
        .selectFrom('record_areas as ra')
        .innerJoin('search_entries as se', (j) =>
          j
            .onRef('se.record_type', '=', 'ra.record_type')
            .onRef('se.record_id', '=', 'ra.record_id'),
        )
        .leftJoin('record_terms as rt', (j) =>
          j
            .on('ra.record_type', '=', 'activity')
            .onRef('rt.record_type', '=', 'ra.record_type')
            .onRef('rt.record_id', '=', 'ra.record_id'),
        )
        .select(['rt.term_id', 'se.actor_id'])
        .distinct()
        .where('ra.record_type', 'in', ['actor', 'activity'])
        .where('ra.area_id', 'in', areaIds)
        .where('se.workspace_id', '=', workspaceId);
      if (visible) pairs = pairs.where(visible);
      return pairs.as('x');
    })
    .innerJoin('search_entries as ae', (j) =>
      j.on('ae.record_type', '=', 'actor').onRef('ae.record_id', '=', 'x.actor_id'),
    )
    .select([
      'x.term_id as termId',
      'ae.record_id as id',
      'ae.title as name',
      'ae.sort_key as sortKey',
      'ae.actor_kind as actorKind',
      'ae.size_class as sizeClass',
    ])
    .execute();
}

/** Visible initiatives linked to the areas. */
export function initiativesIn(db: Db, workspaceId: string, viewer: Viewer, areaIds: string[]) {
  let q = db
    .selectFrom('record_areas as ra')
    .innerJoin('search_entries as se', (j) =>
      j.onRef('se.record_type', '=', 'ra.record_type').onRef('se.record_id', '=', 'ra.record_id'),
    )
    .select([
      'se.record_id as id',
      'se.title as name',
      'se.sort_key as sortKey',
      'se.start_date as startDate',
      'se.end_date as endDate',
    ])
    .distinct()
    .where('ra.record_type', '=', 'initiative')
    .where('ra.area_id', 'in', areaIds)
    .where('se.workspace_id', '=', workspaceId);
  const visible = entryVisibleTo(viewer);
  if (visible) q = q.where(visible);
  return q.execute();
}

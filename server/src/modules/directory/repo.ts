import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { Database, SearchEntriesTable } from '../../db/types.ts';
import { prefixUpperBound } from '../records/tokens.ts';
import { visibleLevels, type Viewer } from '../records/visibility.ts';

// The directory reads the search index (search_entries, search_tokens) that the actor, activity
// and initiative services keep in step, the generic record links and the areas. Every query filters
// on the workspace. This file: visibility and areas; search-repo.ts the search itself.

export type EntryEb = ExpressionBuilder<Database & { se: SearchEntriesTable }, 'se'>;

/**
 * What a viewer may see of the entry aliased `se`: null (no condition) for coordinators, else
 * the visibility levels plus the viewer's own private carrier and its activities.
 */
export function entryVisibleTo(viewer: Viewer) {
  if (viewer.seesPrivate) return null;
  const levels = visibleLevels(viewer);
  const userId = viewer.userId;
  return (eb: EntryEb) =>
    userId === null
      ? eb('se.visibility', 'in', levels)
      : eb.or([eb('se.visibility', 'in', levels), eb('se.owner_user_id', '=', userId)]);
}

export const areaColumns = [
  'id',
  'code',
  'name',
  'level',
  'cbs_year as cbsYear',
  'parent_code as parentCode',
  'population',
] as const;

export const findArea = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('areas')
    .select(areaColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * The wijken and buurten within an area, of the same CBS year: a wijk's buurten have it as their
 * parent_code; a gemeente's wijken have it as parent, and its buurten the code of one of its
 * wijken (WK + the gemeente's four digits + two). parent_code is derived from the code on import
 * (BU05990110 → WK059901 → GM0599), so a sub-area's code starts with the digits of its parent:
 * the code range lets the unique index (workspace_id, code, cbs_year) find them. This also finds
 * a gemeente's buurten when only buurt boundaries were imported.
 */
export function subAreas(
  db: Db,
  workspaceId: string,
  area: { code: string; level: string; cbsYear: number },
) {
  const digits = area.code.slice(2);
  const range = (prefix: string) => ({ from: prefix, to: prefixUpperBound(prefix) ?? prefix });
  let q = db
    .selectFrom('areas')
    .select(['id', 'code', 'name', 'level'])
    .where('workspace_id', '=', workspaceId)
    .where('cbs_year', '=', area.cbsYear);
  if (area.level === 'wijk') {
    const bu = range(`BU${digits}`);
    q = q
      .where('code', '>=', bu.from)
      .where('code', '<', bu.to)
      .where('level', '=', 'buurt')
      .where('parent_code', '=', area.code);
  } else if (area.level === 'gemeente') {
    const wk = range(`WK${digits}`);
    const bu = range(`BU${digits}`);
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('code', '>=', wk.from),
          eb('code', '<', wk.to),
          eb('level', '=', 'wijk'),
          eb('parent_code', '=', area.code),
        ]),
        eb.and([
          eb('code', '>=', bu.from),
          eb('code', '<', bu.to),
          eb('level', '=', 'buurt'),
          eb('parent_code', '>=', wk.from),
          eb('parent_code', '<', wk.to),
        ]),
      ]),
    );
  } else {
    return Promise.resolve([]);
  }
  return q.orderBy('level', 'desc').orderBy('code').execute();
}

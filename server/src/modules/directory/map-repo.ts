import type { Db } from '../../db/dialect.ts';
import type { Viewer } from '../records/visibility.ts';
import { entryVisibleTo } from './repo.ts';

type MapLevel = 'buurt' | 'wijk';

export async function latestCbsYear(
  db: Db,
  workspaceId: string,
  level: MapLevel,
): Promise<number | null> {
  const r = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.max('cbs_year').as('year'))
    .where('workspace_id', '=', workspaceId)
    .where('level', '=', level)
    .executeTakeFirst();
  return r?.year === null || r?.year === undefined ? null : Number(r.year);
}

export const mapAreas = (db: Db, workspaceId: string, level: MapLevel, cbsYear: number) =>
  db
    .selectFrom('areas')
    .select(['id', 'code', 'name', 'level', 'display_geometry as displayGeometry'])
    .where('workspace_id', '=', workspaceId)
    .where('level', '=', level)
    .where('cbs_year', '=', cbsYear)
    .orderBy('code')
    .execute();

/** Of the areas of a year: the wijk each wijk and buurt belongs to (by code). */
export async function wijkOfAreas(db: Db, workspaceId: string, cbsYear: number) {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'code', 'level', 'parent_code'])
    .where('workspace_id', '=', workspaceId)
    .where('cbs_year', '=', cbsYear)
    .where('level', 'in', ['wijk', 'buurt'])
    .execute();
  return new Map(
    rows.map((r) => [r.id, r.level === 'wijk' ? r.code : (r.parent_code ?? r.code)] as const),
  );
}

export interface CountOptions {
  measure: 'carriers' | 'activities';
  domainId?: string | undefined;
}

/**
 * The visible entries that count, joined to their area links: persons and their activities
 * (carriers) or activities (optionally of a domain). It starts from the workspace's entries and
 * looks the links up by their primary key, which reads each entry once; starting from the areas
 * would read an entry once per link.
 */
function countedLinks(db: Db, workspaceId: string, viewer: Viewer, opts: CountOptions) {
  let q = db
    .selectFrom('search_entries as se')
    .innerJoin('record_areas as ra', (j) =>
      j.onRef('ra.record_type', '=', 'se.record_type').onRef('ra.record_id', '=', 'se.record_id'),
    )
    .where('se.workspace_id', '=', workspaceId);
  const visible = entryVisibleTo(viewer);
  if (visible) q = q.where(visible);
  if (opts.measure === 'carriers')
    return q
      .where('se.record_type', 'in', ['actor', 'activity'])
      .where('se.actor_kind', '=', 'person');
  q = q.where('se.record_type', '=', 'activity');
  const domainId = opts.domainId;
  if (!domainId) return q;
  return q.where(({ eb, refTuple, selectFrom }) =>
    eb(
      refTuple('se.record_type', 'se.record_id'),
      'in',
      selectFrom('record_terms as rt')
        .select(['rt.record_type', 'rt.record_id'])
        .where('rt.term_id', '=', domainId)
        .$asTuple('record_type', 'record_id'),
    ),
  );
}

const countedColumn = (opts: CountOptions) =>
  opts.measure === 'carriers' ? ('se.actor_id' as const) : ('se.record_id' as const);

/** Distinct carriers or activities per linked area id. */
export async function countsPerArea(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  opts: CountOptions,
): Promise<Map<string, number>> {
  const rows = await countedLinks(db, workspaceId, viewer, opts)
    .select((eb) => [
      'ra.area_id',
      eb.fn.count<string | number>(countedColumn(opts)).distinct().as('n'),
    ])
    .groupBy('ra.area_id')
    .execute();
  return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
}

/**
 * Distinct carriers or activities per group of areas (`groupOf`: area id → group key; links to
 * other areas do not count): a wijk counts what is linked to it or to its buurten, each once.
 */
export async function countsPerGroup(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  opts: CountOptions,
  groupOf: Map<string, string>,
): Promise<Map<string, number>> {
  const rows = await countedLinks(db, workspaceId, viewer, opts)
    .select(['ra.area_id', `${countedColumn(opts)} as item`])
    .distinct()
    .execute();
  const items = new Map<string, Set<string>>();
  for (const r of rows) {
    const group = groupOf.get(r.area_id);
    if (group === undefined || r.item === null) continue;
    const set = items.get(group) ?? new Set<string>();
    set.add(r.item);
    items.set(group, set);
  }
  return new Map([...items].map(([group, set]) => [group, set.size]));
}

/** The years with figures for an indicator key in the workspace, oldest first. */
export async function indicatorYears(db: Db, workspaceId: string, key: string) {
  const rows = await db
    .selectFrom('areas as a')
    .innerJoin('area_indicators as ai', 'ai.area_id', 'a.id')
    .select('ai.year')
    .distinct()
    .where('a.workspace_id', '=', workspaceId)
    .where('ai.workspace_id', '=', workspaceId)
    .where('ai.key', '=', key)
    .orderBy('ai.year')
    .execute();
  return rows.map((r) => Number(r.year));
}

/**
 * An indicator's value per area code of the level in a year. Figures belong to an area code, not
 * to one boundary year (kerncijfers of 2017 sit on the 2014 buurten they were imported onto);
 * when rows of several CBS years have one, the latest wins.
 */
export async function indicatorValues(
  db: Db,
  workspaceId: string,
  opts: { level: MapLevel; key: string; year: number },
): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('areas as a')
    .innerJoin('area_indicators as ai', 'ai.area_id', 'a.id')
    .select(['a.code', 'ai.value'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.level', '=', opts.level)
    .where('ai.workspace_id', '=', workspaceId)
    .where('ai.year', '=', opts.year)
    .where('ai.key', '=', opts.key)
    .orderBy('a.cbs_year')
    .execute();
  return new Map(rows.map((r) => [r.code, r.value === null ? null : Number(r.value)]));
}

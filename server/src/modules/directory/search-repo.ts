import type { Db } from '../../db/dialect.ts';
import type { ActorKind, OrganisationKind, RecordType, SizeClass } from '../../db/types.ts';
import type { Viewer } from '../records/visibility.ts';
import { entryVisibleTo, type EntryEb } from './repo.ts';
import type { PrefixRange } from './search-query.ts';

// Directory search over search_entries and search_tokens (see docs/decisions/0012).

export interface SearchCriteria {
  ranges: PrefixRange[];
  type?: RecordType | undefined;
  /** The area and its sub-areas; a record matches when linked to any of them. */
  areaIds?: string[] | undefined;
  termIds: string[];
  actorKind?: ActorKind | undefined;
  orgKind?: OrganisationKind | undefined;
  sizeClass?: SizeClass | undefined;
  activeFrom?: string | undefined;
  activeTo?: string | undefined;
}

/** A set of records, (record_type, record_id), that a search must be in. */
type RecordSet =
  | { kind: 'word'; range: PrefixRange }
  | { kind: 'areas'; areaIds: string[] }
  | { kind: 'term'; termId: string };

/** An area set up to this size (a wijk and its buurten) is small: probed per candidate. */
const SMALL_AREA_SET = 20;

/**
 * The sets of the criteria in a first guess of their size: the longest word (the rarest, as a
 * rule), then a small area (a buurt, or a wijk and its buurten), a term, a large area.
 */
function recordSets(c: SearchCriteria): RecordSet[] {
  const words = [...c.ranges]
    .sort((a, b) => b.word.length - a.word.length)
    .map((range): RecordSet => ({ kind: 'word', range }));
  const areas: RecordSet[] = c.areaIds ? [{ kind: 'areas', areaIds: c.areaIds }] : [];
  const small = c.areaIds !== undefined && c.areaIds.length <= SMALL_AREA_SET;
  const terms = c.termIds.map((termId): RecordSet => ({ kind: 'term', termId }));
  return [...words, ...(small ? areas : []), ...terms, ...(small ? [] : areas)];
}

/** The (record_type, record_id) of a set's records, through an index. */
const wordSet = (db: Db, workspaceId: string, { from, to }: PrefixRange) =>
  db
    .selectFrom('search_tokens as st')
    .select(['st.record_type', 'st.record_id'])
    .where('st.workspace_id', '=', workspaceId)
    .where('st.token', '>=', from)
    .$if(to !== null, (s) => s.where('st.token', '<', to as string));
const areaSet = (db: Db, areaIds: string[]) =>
  db
    .selectFrom('record_areas as ra')
    .select(['ra.record_type', 'ra.record_id'])
    .where('ra.area_id', 'in', areaIds);
const termSet = (db: Db, termId: string) =>
  db
    .selectFrom('record_terms as rt')
    .select(['rt.record_type', 'rt.record_id'])
    .where('rt.term_id', '=', termId);

/** The set to start from: its records, each once, as a table `d`. */
function driverOf(db: Db, workspaceId: string, set: RecordSet) {
  switch (set.kind) {
    case 'word':
      return wordSet(db, workspaceId, set.range).distinct().as('d');
    case 'areas':
      return areaSet(db, set.areaIds).distinct().as('d');
    case 'term':
      return termSet(db, set.termId).distinct().as('d');
  }
}

/**
 * A further set, as a condition on the entry `se`. Words and terms probe the candidate's own
 * tokens and links (search_tokens_record_idx, the links' primary key), so the cost follows the
 * candidates, not the size of the set (a common word's set has thousands of records). A large
 * area set (a gemeente) is matched as `(type, id) IN (…)` instead: probing one candidate's links
 * would take a lookup per area.
 */
function filterOf(workspaceId: string, set: RecordSet) {
  return (eb: EntryEb) => {
    switch (set.kind) {
      case 'word': {
        const { from, to } = set.range;
        return eb.exists(
          eb
            .selectFrom('search_tokens as st')
            .select('st.token')
            .whereRef('st.record_type', '=', 'se.record_type')
            .whereRef('st.record_id', '=', 'se.record_id')
            .where('st.workspace_id', '=', workspaceId)
            .where('st.token', '>=', from)
            .$if(to !== null, (s) => s.where('st.token', '<', to as string)),
        );
      }
      case 'term':
        return eb.exists(
          eb
            .selectFrom('record_terms as rt')
            .select('rt.term_id')
            .whereRef('rt.record_type', '=', 'se.record_type')
            .whereRef('rt.record_id', '=', 'se.record_id')
            .where('rt.term_id', '=', set.termId),
        );
      case 'areas':
        return set.areaIds.length <= SMALL_AREA_SET
          ? eb.exists(
              eb
                .selectFrom('record_areas as ra')
                .select('ra.area_id')
                .whereRef('ra.record_type', '=', 'se.record_type')
                .whereRef('ra.record_id', '=', 'se.record_id')
                .where('ra.area_id', 'in', set.areaIds),
            )
          : eb(
              eb.refTuple('se.record_type', 'se.record_id'),
              'in',
              eb
                .selectFrom('record_areas as ra')
                .select(['ra.record_type', 'ra.record_id'])
                .where('ra.area_id', 'in', set.areaIds)
                .$asTuple('record_type', 'record_id'),
            );
    }
  };
}

/**
 * The search as one statement. Words, areas and terms each give a set of records through an
 * index (the tokens' primary key, record_areas_area_idx, record_terms_term_idx). The first set
 * drives: its records, made distinct, are joined to their entries by primary key; the others
 * filter the candidates (see filterOf). Left to choose, PostgreSQL walked the sort index and
 * probed the tokens of every entry in the workspace (a nested loop over all of them) even for a
 * rare word.
 * The link tables are not filtered on workspace_id again: area and term ids were checked to
 * belong to the workspace, the entries are filtered on it, and the check would cost a table row
 * per link where the index alone answers.
 */
function searchBase(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  c: SearchCriteria,
  sets: RecordSet[],
) {
  const [driver, ...filters] = sets;
  let q = driver
    ? db
        .selectFrom(driverOf(db, workspaceId, driver))
        .innerJoin('search_entries as se', (j) =>
          j.onRef('se.record_type', '=', 'd.record_type').onRef('se.record_id', '=', 'd.record_id'),
        )
    : db.selectFrom('search_entries as se');
  q = q.where('se.workspace_id', '=', workspaceId);
  const visible = entryVisibleTo(viewer);
  if (visible) q = q.where(visible);
  for (const set of filters) q = q.where(filterOf(workspaceId, set));
  if (c.type) q = q.where('se.record_type', '=', c.type);
  if (c.actorKind) q = q.where('se.actor_kind', '=', c.actorKind);
  if (c.orgKind) q = q.where('se.org_kind', '=', c.orgKind);
  if (c.sizeClass) q = q.where('se.size_class', '=', c.sizeClass);
  // Period overlap; a record without a start or end date is open on that side.
  if (c.activeTo) {
    const to = c.activeTo;
    q = q.where((eb) => eb.or([eb('se.start_date', 'is', null), eb('se.start_date', '<=', to)]));
  }
  if (c.activeFrom) {
    const from = c.activeFrom;
    q = q.where((eb) => eb.or([eb('se.end_date', 'is', null), eb('se.end_date', '>=', from)]));
  }
  return q;
}

const itemColumns = [
  'se.record_type as type',
  'se.record_id as id',
  'se.title',
  'se.summary',
  'se.actor_id as actorId',
  'se.actor_kind as actorKind',
  'se.org_kind as orgKind',
  'se.size_class as sizeClass',
  'se.start_date as startDate',
  'se.end_date as endDate',
  'se.visibility',
] as const;

/** Sets are counted up to this many records to choose the one to start from. */
const SIZE_PROBE = 10_000;

/**
 * The sets to search with, smallest first: with more than one, each set's size is counted (up to
 * SIZE_PROBE, index only, all in one statement), so that a common word ("buurt") does not drive
 * when a wijk or a domain is the smaller set.
 */
async function orderedSets(db: Db, workspaceId: string, c: SearchCriteria) {
  const sets = recordSets(c);
  if (sets.length < 2) return sets;
  const row = await db
    .selectNoFrom((eb) =>
      sets.map((set, i) => {
        const members =
          set.kind === 'word'
            ? wordSet(db, workspaceId, set.range).limit(SIZE_PROBE).as('m')
            : set.kind === 'areas'
              ? areaSet(db, set.areaIds).limit(SIZE_PROBE).as('m')
              : termSet(db, set.termId).limit(SIZE_PROBE).as('m');
        return eb
          .selectFrom(members)
          .select((e) => e.fn.countAll<string | number>().as('n'))
          .as(`s${i}`);
      }),
    )
    .executeTakeFirstOrThrow();
  const size = (i: number) => Number((row as Record<string, unknown>)[`s${i}`]);
  return sets
    .map((set, i) => ({ set, i, n: size(i) }))
    .sort((a, b) => a.n - b.n || a.i - b.i)
    .map((x) => x.set);
}

const narrows = (sets: RecordSet[]) => sets.length > 0;

/**
 * A page of matching entries in the directory's order. When words, areas or terms narrow the
 * search, every match is found and sorted anyway, so the total comes along as a window count
 * instead of from a second evaluation. Without them the page walks the sort index and stops after
 * `limit` rows, and a separate count is cheaper.
 */
function pageQuery(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  c: SearchCriteria,
  sets: RecordSet[],
  page: { offset: number; limit: number },
) {
  return searchBase(db, workspaceId, viewer, c, sets)
    .select(itemColumns)
    .$if(narrows(sets), (q) =>
      q.select((eb) => eb.fn.countAll<string | number>().over().as('total')),
    )
    .orderBy('se.sort_key')
    .orderBy('se.record_type')
    .orderBy('se.record_id')
    .offset(page.offset)
    .limit(page.limit);
}

/** One page of matching entries and the number of all matches. */
export async function searchEntries(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  c: SearchCriteria,
  page: { offset: number; limit: number },
) {
  const sets = await orderedSets(db, workspaceId, c);
  const count = async () =>
    Number(
      (
        await searchBase(db, workspaceId, viewer, c, sets)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const query = pageQuery(db, workspaceId, viewer, c, sets, page);
  if (narrows(sets)) {
    const rows = await query.execute();
    // A page past the end has no row to carry the total.
    const total = rows[0]?.total !== undefined ? Number(rows[0].total) : await count();
    return { items: rows.map(({ total: _total, ...item }) => item), total };
  }
  const [items, total] = await Promise.all([query.execute(), count()]);
  return { items, total };
}

/** The page statement of a search as it would run, for EXPLAIN in reviews. */
export const searchSql = async (db: Db, workspaceId: string, viewer: Viewer, c: SearchCriteria) =>
  pageQuery(db, workspaceId, viewer, c, await orderedSets(db, workspaceId, c), {
    offset: 0,
    limit: 20,
  }).compile();

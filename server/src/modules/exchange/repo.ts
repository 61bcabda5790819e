import type { Db } from '../../db/dialect.ts';
import type {
  ActorsTable,
  AreaLevel,
  RecordType,
  TaxonomyKind,
  Visibility,
} from '../../db/types.ts';

// What the exports read and the actors import writes. Every query filters on the workspace.

const CHUNK = 400;

async function chunked<T>(ids: readonly string[], fn: (part: string[]) => Promise<T[]>) {
  const out: T[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK)
    out.push(...(await fn(unique.slice(i, i + CHUNK))));
  return out;
}

function groupBy<T extends { recordId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.recordId);
    if (list) list.push(r);
    else out.set(r.recordId, [r]);
  }
  return out;
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.name;
}

/** Public organisations, by name. */
export function publicOrganisations(db: Db, workspaceId: string) {
  return db
    .selectFrom('actors')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'organisation')
    .where('visibility', '=', 'public');
}

export async function countPublicOrganisations(db: Db, workspaceId: string): Promise<number> {
  const row = await publicOrganisations(db, workspaceId)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listPublicOrganisations(
  db: Db,
  workspaceId: string,
  page?: { offset: number; limit: number },
) {
  let q = publicOrganisations(db, workspaceId)
    .select(['id', 'name', 'bio', 'website', 'kvk_number'])
    .orderBy('name')
    .orderBy('id');
  if (page) q = q.offset(page.offset).limit(page.limit);
  return q.execute();
}

const activityColumns = [
  'id',
  'actor_id',
  'initiative_id',
  'title',
  'description',
  'start_date',
  'end_date',
  'hours_per_week',
  'created_at',
  'updated_at',
] as const;

export function activitiesOfActors(db: Db, workspaceId: string, actorIds: readonly string[]) {
  return chunked(actorIds, (part) =>
    db
      .selectFrom('activities')
      .select(activityColumns)
      .where('workspace_id', '=', workspaceId)
      .where('actor_id', 'in', part)
      .orderBy('start_date')
      .orderBy('title')
      .orderBy('id')
      .execute(),
  );
}

export interface LinkedArea {
  recordId: string;
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  cbsYear: number;
}

/** The areas of records of a type (of the given ids, or of all records of the type). */
export async function areasOfRecords(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  ids?: readonly string[],
): Promise<Map<string, LinkedArea[]>> {
  const query = (part?: string[]) => {
    let q = db
      .selectFrom('record_areas as ra')
      .innerJoin('areas as a', 'a.id', 'ra.area_id')
      .select([
        'ra.record_id as recordId',
        'a.id as id',
        'a.code as code',
        'a.name as name',
        'a.level as level',
        'a.cbs_year as cbsYear',
      ])
      .where('ra.workspace_id', '=', workspaceId)
      .where('a.workspace_id', '=', workspaceId)
      .where('ra.record_type', '=', recordType);
    if (part) q = q.where('ra.record_id', 'in', part);
    return q.orderBy('a.code').orderBy('a.cbs_year').execute();
  };
  const rows = ids ? await chunked(ids, query) : await query();
  return groupBy(rows);
}

export interface LinkedTerm {
  recordId: string;
  id: string;
  kind: TaxonomyKind;
  slug: string;
  labelNl: string;
  description: string | null;
}

/** The domains and target groups of records of a type, in the taxonomy's display order. */
export async function termsOfRecords(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  ids?: readonly string[],
): Promise<Map<string, LinkedTerm[]>> {
  const query = (part?: string[]) => {
    let q = db
      .selectFrom('record_terms as rt')
      .innerJoin('taxonomy_terms as t', 't.id', 'rt.term_id')
      .select([
        'rt.record_id as recordId',
        't.id as id',
        't.kind as kind',
        't.slug as slug',
        't.label_nl as labelNl',
        't.description as description',
      ])
      .where('rt.workspace_id', '=', workspaceId)
      .where('t.workspace_id', '=', workspaceId)
      .where('rt.record_type', '=', recordType);
    if (part) q = q.where('rt.record_id', 'in', part);
    return q.orderBy('t.kind').orderBy('t.position').orderBy('t.id').execute();
  };
  const rows = ids ? await chunked(ids, query) : await query();
  return groupBy(rows);
}

/** Actors of the given visibilities, by kind and name; never the consent or account columns. */
export function actorsForExport(db: Db, workspaceId: string, levels: Visibility[]) {
  return db
    .selectFrom('actors')
    .select([
      'id',
      'kind',
      'name',
      'carries',
      'bio',
      'org_kind',
      'size_class',
      'budget_band',
      'staff_count',
      'kvk_number',
      'website',
      'email',
      'phone',
      'visibility',
      'created_at',
      'updated_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('visibility', 'in', levels)
    .orderBy('kind')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Activities whose actor has one of the given visibilities, with the actor and initiative. */
export function activitiesForExport(db: Db, workspaceId: string, levels: Visibility[]) {
  return db
    .selectFrom('activities as x')
    .innerJoin('actors as a', 'a.id', 'x.actor_id')
    .leftJoin('initiatives as i', 'i.id', 'x.initiative_id')
    .select([
      'x.id as id',
      'x.title as title',
      'x.description as description',
      'x.start_date as startDate',
      'x.end_date as endDate',
      'x.hours_per_week as hoursPerWeek',
      'x.created_at as createdAt',
      'x.updated_at as updatedAt',
      'a.id as actorId',
      'a.name as actorName',
      'a.kind as actorKind',
      'a.visibility as visibility',
      'i.id as initiativeId',
      'i.name as initiativeName',
      'i.visibility as initiativeVisibility',
    ])
    .where('x.workspace_id', '=', workspaceId)
    .where('a.workspace_id', '=', workspaceId)
    .where('a.visibility', 'in', levels)
    .orderBy('x.start_date')
    .orderBy('x.title')
    .orderBy('x.id')
    .execute();
}

/** Current affiliations (no end date or ending today or later): person id → organisation names. */
export async function organisationsOfPersons(
  db: Db,
  workspaceId: string,
  levels: Visibility[],
  today: string,
): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('affiliations as f')
    .innerJoin('actors as o', 'o.id', 'f.organisation_id')
    .select(['f.person_id as personId', 'o.name as name'])
    .where('f.workspace_id', '=', workspaceId)
    .where('o.workspace_id', '=', workspaceId)
    .where('o.visibility', 'in', levels)
    .where((eb) => eb.or([eb('f.end_date', 'is', null), eb('f.end_date', '>=', today)]))
    .orderBy('o.name')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.personId, [...new Set([...(out.get(r.personId) ?? []), r.name])]);
  return out;
}

/** CBS code → id of the area with the newest CBS year of that code. */
export async function areaIdsByCode(db: Db, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'code'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('code')
    .orderBy('cbs_year')
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export function termsOfWorkspace(db: Db, workspaceId: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'kind', 'slug', 'label_nl', 'label_en', 'archived_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function actorNames(db: Db, workspaceId: string) {
  return db
    .selectFrom('actors')
    .select(['kind', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export async function insertActors(db: Db, rows: ActorsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('actors')
      .values(rows.slice(i, i + 100))
      .execute();
}

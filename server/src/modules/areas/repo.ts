import type { Db } from '../../db/dialect.ts';
import type { AreaLevel, AreasTable } from '../../db/types.ts';

// SQLite allows 32766 bound parameters per statement and PostgreSQL 65535: insert in chunks.
const CHUNK = 500;
// Area rows carry their boundaries (a few KB each): fewer per statement.
const UPSERT_CHUNK = 200;

export async function existingAreaIds(
  db: Db,
  workspaceId: string,
  year: number,
  codes: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('areas')
      .select(['id', 'code'])
      .where('workspace_id', '=', workspaceId)
      .where('cbs_year', '=', year)
      .where('code', 'in', codes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.code, r.id);
  }
  return out;
}

export async function insertAreas(db: Db, rows: AreasTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK / 10) {
    await db
      .insertInto('areas')
      .values(rows.slice(i, i + CHUNK / 10))
      .execute();
  }
}

/**
 * Inserts areas, or updates those with the same (workspace, code, CBS year): their id and
 * created_at stay. One statement per chunk of rows.
 */
export async function upsertAreas(db: Db, rows: AreasTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insertInto('areas')
      .values(rows.slice(i, i + UPSERT_CHUNK))
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'code', 'cbs_year']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          geometry: eb.ref('excluded.geometry'),
          display_geometry: eb.ref('excluded.display_geometry'),
          population: eb.ref('excluded.population'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Code → id of the workspace's areas, the most recent CBS year per code. */
export async function latestAreaIdsByCode(
  db: Db,
  workspaceId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('areas')
    .select(['id', 'code', 'cbs_year'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('cbs_year')
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The newest CBS year of the workspace's imported boundaries (areas with a geometry). */
export async function latestBoundaryYear(db: Db, workspaceId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.max('cbs_year').as('year'))
    .where('workspace_id', '=', workspaceId)
    .where('geometry', 'is not', null)
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? undefined : Number(row.year);
}

export async function upsertIndicators(
  db: Db,
  rows: {
    workspace_id: string;
    area_id: string;
    year: number;
    key: string;
    value: number | null;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('area_indicators')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['area_id', 'year', 'key'])
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })),
      )
      .execute();
  }
}

export async function countAreas(db: Db, workspaceId: string): Promise<number> {
  const r = await db
    .selectFrom('areas')
    .where('workspace_id', '=', workspaceId)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const listColumns = [
  'id',
  'code',
  'level',
  'cbs_year as cbsYear',
  'name',
  'parent_code as parentCode',
  'population',
] as const;

export async function listAreas(
  db: Db,
  workspaceId: string,
  filter: { level?: AreaLevel | undefined },
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('areas').where('workspace_id', '=', workspaceId);
  if (filter.level) base = base.where('level', '=', filter.level);
  const [items, total] = await Promise.all([
    base
      .select(listColumns)
      .orderBy('code')
      .orderBy('cbs_year', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const findArea = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('areas')
    .select([...listColumns, 'geometry', 'display_geometry as displayGeometry'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const indicatorsOf = (db: Db, workspaceId: string, areaId: string) =>
  db
    .selectFrom('area_indicators')
    .select(['year', 'key', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('area_id', '=', areaId)
    .orderBy('year')
    .orderBy('key')
    .execute();

export const gemeentecodeOf = async (db: Db, workspaceId: string) =>
  (
    await db
      .selectFrom('workspaces')
      .select('gemeentecode')
      .where('id', '=', workspaceId)
      .executeTakeFirst()
  )?.gemeentecode;

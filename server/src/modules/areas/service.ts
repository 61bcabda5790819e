import { bumpDirectoryVersion } from '../records/version.ts';
import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { AreaLevel, AreasTable } from '../../db/types.ts';
import { badRequest, notFound, type FieldError } from '../../http/problem.ts';
import { checkYear } from './import-service.ts';
import { levelOf, parentCode, gemeenteOf } from './import/codes.ts';
import { issue } from './import/issues.ts';
import { toFieldErrors } from './import/pipeline.ts';
import { parseIndicators } from './import/statline.ts';
import {
  findArea,
  gemeentecodeOf,
  indicatorsOf,
  insertAreas,
  latestAreaIdsByCode,
  latestBoundaryYear,
  listAreas,
  upsertIndicators,
} from './repo.ts';

async function requireGemeentecode(ctx: AppContext, workspaceId: string) {
  const code = await gemeentecodeOf(ctx.db, workspaceId);
  if (!code) throw notFound('No such workspace.');
  return code;
}

export {
  importAreas,
  previewAreaImport,
  type AreaImportPreview,
  type AreaImportReport,
} from './import-service.ts';

export interface IndicatorImportReport {
  format: 'json' | 'csv';
  rows: number;
  values: number;
  missing: number;
  areasCreated: number;
  ignoredColumns: string[];
  errors: FieldError[];
}

/**
 * Imports CBS StatLine kerncijfers for one year. All or nothing. A row for a valid code of the
 * workspace's municipality that has no area yet gets one without a boundary (named by its code),
 * so wijk and gemeente figures are kept when only buurt boundaries were imported; codes of other
 * municipalities and invalid or duplicate codes are reported.
 */
export async function importIndicators(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  text: string,
  opts: { year: number },
): Promise<IndicatorImportReport> {
  assertCan(actor, 'areas.manage', workspaceId);
  checkYear(opts.year);
  const gemeentecode = await requireGemeentecode(ctx, workspaceId);
  const parsed = parseIndicators(text);
  const issues = [...parsed.issues];
  for (const r of parsed.rows)
    if (gemeenteOf(r.code) !== gemeentecode)
      issues.push(
        issue(r.index, 'other_municipality', `${r.code} is not in ${gemeentecode}.`, r.code),
      );
  if (issues.length) {
    issues.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
    throw badRequest(
      'invalid_indicator_file',
      'Nothing was imported: the file has errors.',
      toFieldErrors(issues, 'rows'),
    );
  }
  const now = nowIso(ctx);
  let areasCreated = 0;
  let values = 0;
  let missing = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await bumpDirectoryVersion(trx, workspaceId);
    const ids = await latestAreaIdsByCode(trx, workspaceId);
    // A wijk or gemeente known only from the figures joins the newest boundaries (Rotterdam's
    // buurten of 2014 under its kerncijfers of 2017), so its area page finds its buurten.
    const stubYear = (await latestBoundaryYear(trx, workspaceId)) ?? opts.year;
    const stubs: AreasTable[] = [];
    for (const r of parsed.rows) {
      if (ids.has(r.code)) continue;
      const id = newId();
      ids.set(r.code, id);
      stubs.push({
        id,
        workspace_id: workspaceId,
        code: r.code,
        level: levelOf(r.code) as AreaLevel,
        cbs_year: stubYear,
        name: r.code,
        parent_code: parentCode(r.code),
        geometry: null,
        display_geometry: null,
        population: null,
        created_at: now,
        updated_at: now,
      });
    }
    await insertAreas(trx, stubs);
    areasCreated = stubs.length;
    const rows = parsed.rows.flatMap((r) =>
      Object.entries(r.values).map(([key, value]) => ({
        workspace_id: workspaceId,
        area_id: ids.get(r.code) as string,
        year: opts.year,
        key,
        value,
      })),
    );
    values = rows.length;
    missing = rows.filter((r) => r.value === null).length;
    await upsertIndicators(trx, rows);
  });
  return {
    format: parsed.format,
    rows: parsed.rows.length,
    values,
    missing,
    areasCreated,
    ignoredColumns: parsed.ignoredColumns,
    errors: [],
  };
}

export async function getAreas(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: { level?: AreaLevel | undefined },
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'areas.read', workspaceId);
  return listAreas(ctx.db, workspaceId, filter, page.offset, page.limit);
}

/** One area as a GeoJSON Feature (WGS84) with its indicators grouped per year. */
export async function getArea(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'areas.read', workspaceId);
  const area = await findArea(ctx.db, workspaceId, id);
  if (!area) throw notFound('No such area.');
  const rows = await indicatorsOf(ctx.db, workspaceId, id);
  const byYear = new Map<number, Record<string, number | null>>();
  for (const r of rows) {
    const values = byYear.get(r.year) ?? {};
    values[r.key] = r.value;
    byYear.set(r.year, values);
  }
  const { geometry, displayGeometry, ...properties } = area;
  return {
    type: 'Feature' as const,
    id: area.id,
    geometry: geometry ? (JSON.parse(geometry) as AreaGeometryJson) : null,
    properties: {
      ...properties,
      displayGeometry: displayGeometry ? (JSON.parse(displayGeometry) as AreaGeometryJson) : null,
      indicators: [...byYear].map(([year, values]) => ({ year, values })),
    },
  };
}

interface AreaGeometryJson {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

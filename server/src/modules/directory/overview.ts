import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import { notFound } from '../../http/problem.ts';
import { viewerOf } from '../records/visibility.ts';
import { activeActors, domainsOf, indicatorsOfCode, initiativesIn } from './overview-repo.ts';
import { findArea, subAreas } from './repo.ts';
import { matrixColumns, type MatrixColumn } from './schema.ts';

/**
 * Lists on the area page stay short (a wijk or gemeente page stays a few tens of KB): the counts say
 * how many there are in all, and the page links to the directory, which lists them all.
 */
export const CELL_LIMIT = 8;
export const LIST_LIMIT = 30;

interface Named {
  id: string;
  name: string;
  sortKey: string;
}

/** The directory's order (normalised name, then id), the same on both dialects. */
const byName = (a: Named, b: Named) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const columnOf = (kind: string | null, size: string | null): MatrixColumn =>
  kind === 'person' ? 'carriers' : size === 'large' ? 'large_organisations' : 'small_organisations';

function groupIndicators(rows: { key: string; year: number; value: number | null }[]) {
  // Rows come ordered by key, year and boundary year: the last row of a (key, year) wins.
  const byKey = new Map<string, Map<number, number | null>>();
  for (const r of rows) {
    const years = byKey.get(r.key) ?? new Map<number, number | null>();
    years.set(Number(r.year), r.value === null ? null : Number(r.value));
    byKey.set(r.key, years);
  }
  return [...byKey].map(([key, years]) => ({
    key,
    values: [...years].map(([year, value]) => ({ year, value })),
  }));
}

function buildMatrix(
  domains: { id: string; labelNl: string; labelEn: string; archivedAt: string | null }[],
  pairs: {
    termId: string | null;
    id: string;
    name: string;
    sortKey: string;
    actorKind: string | null;
    sizeClass: string | null;
  }[],
) {
  const domainIds = new Set(domains.map((d) => d.id));
  const cells = new Map<string, Map<MatrixColumn, Named[]>>();
  for (const p of pairs) {
    if (p.termId === null || !domainIds.has(p.termId)) continue;
    const row = cells.get(p.termId) ?? new Map<MatrixColumn, Named[]>();
    const column = columnOf(p.actorKind, p.sizeClass);
    row.set(column, [...(row.get(column) ?? []), p]);
    cells.set(p.termId, row);
  }
  return {
    columns: [...matrixColumns],
    rows: domains
      // Archived domains stay on old records: show them only when someone works in them here.
      .filter((d) => d.archivedAt === null || cells.has(d.id))
      .map((d) => ({
        domainId: d.id,
        label: d.labelNl,
        labelEn: d.labelEn,
        cells: matrixColumns.map((column) => {
          const actors = (cells.get(d.id)?.get(column) ?? []).sort(byName);
          return {
            column,
            count: actors.length,
            actors: actors.slice(0, CELL_LIMIT).map(({ id, name }) => ({ id, name })),
          };
        }),
      })),
  };
}

const firstByName = <T extends Named>(items: T[]) => items.sort(byName).slice(0, LIST_LIMIT);

/**
 * The area page: the area, its figures over the years, the "wie doet wat" matrix (domain × carriers
 * / small / large organisations), initiatives and carriers in the area or its sub-areas, and the
 * sub-areas. Everything listed is visible to the caller.
 */
export async function getAreaOverview(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  areaId: string,
) {
  assertCan(actor, 'areas.read', workspaceId);
  const area = await findArea(ctx.db, workspaceId, areaId);
  if (!area) throw notFound('No such area.');
  const viewer = viewerOf(actor, workspaceId);
  const subs = await subAreas(ctx.db, workspaceId, area);
  const areaIds = [area.id, ...subs.map((s) => s.id)];
  const [indicators, domains, active, initiatives] = await Promise.all([
    indicatorsOfCode(ctx.db, workspaceId, area.code),
    domainsOf(ctx.db, workspaceId),
    activeActors(ctx.db, workspaceId, viewer, areaIds),
    initiativesIn(ctx.db, workspaceId, viewer, areaIds),
  ]);
  const carriers = [
    ...new Map(active.filter((a) => a.actorKind === 'person').map((a) => [a.id, a])).values(),
  ];
  return {
    area,
    indicators: groupIndicators(indicators),
    matrix: buildMatrix(domains, active),
    initiatives: firstByName(initiatives).map(({ id, name, startDate, endDate }) => ({
      id,
      name,
      startDate,
      endDate,
    })),
    initiativeCount: initiatives.length,
    carriers: firstByName(carriers).map(({ id, name }) => ({ id, name })),
    carrierCount: carriers.length,
    subAreas: subs,
  };
}

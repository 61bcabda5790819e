import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { FieldError } from '../../http/problem.ts';
import { knownTerms } from '../records/repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { parseGeometry, roundGeometry } from './geometry.ts';
import {
  countsPerArea,
  countsPerGroup,
  indicatorValues,
  indicatorYears,
  latestCbsYear,
  mapAreas,
  wijkOfAreas,
} from './map-repo.ts';
import type { MapLayerQuery } from './schema.ts';
import { assertNoErrors, queryError, termErrors } from './service.ts';

const units = { carriers: 'carriers', activities: 'activities', indicator: null } as const;

/** Parameters that only one measure uses must not come with another. */
function measureErrors(q: MapLayerQuery): FieldError[] {
  const errors: FieldError[] = [];
  const only = (pointer: string, measure: string) =>
    queryError(pointer, 'not_for_measure', `Only with measure=${measure}.`);
  if (q.domainId !== undefined && q.measure !== 'activities')
    errors.push(only('/domainId', 'activities'));
  if (q.measure !== 'indicator') {
    if (q.indicator !== undefined) errors.push(only('/indicator', 'indicator'));
    if (q.year !== undefined) errors.push(only('/year', 'indicator'));
  } else if (q.indicator === undefined) {
    errors.push(queryError('/indicator', 'required', 'Name the indicator (its StatLine key).'));
  }
  return errors;
}

/** The indicator year to show, or the errors when the key or year has no figures. */
async function indicatorYear(ctx: AppContext, workspaceId: string, q: MapLayerQuery) {
  if (q.measure !== 'indicator' || q.indicator === undefined) return { year: null, errors: [] };
  const years = await indicatorYears(ctx.db, workspaceId, q.indicator);
  if (!years.length)
    return {
      year: null,
      errors: [queryError('/indicator', 'unknown_indicator', 'No figures with this key.')],
    };
  if (q.year !== undefined && !years.includes(q.year))
    return {
      year: null,
      errors: [
        queryError('/year', 'no_figures', `This indicator has figures for ${years.join(', ')}.`),
      ],
    };
  return { year: q.year ?? (years[years.length - 1] as number), errors: [] };
}

/** The value of each area on the map, by the area's id (counts) or code (indicators). */
async function valuesPerArea(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: MapLayerQuery,
  cbsYear: number,
  indicatorYear: number | null,
): Promise<(area: { id: string; code: string }) => number | null | undefined> {
  if (q.measure === 'indicator') {
    const byCode = await indicatorValues(ctx.db, workspaceId, {
      level: q.level,
      key: q.indicator as string,
      year: indicatorYear as number,
    });
    return (a) => byCode.get(a.code);
  }
  const viewer = viewerOf(actor, workspaceId);
  const opts = { measure: q.measure, domainId: q.domainId };
  if (q.level === 'buurt') {
    const byId = await countsPerArea(ctx.db, workspaceId, viewer, opts);
    return (a) => byId.get(a.id);
  }
  const groupOf = await wijkOfAreas(ctx.db, workspaceId, cbsYear);
  const byCode = await countsPerGroup(ctx.db, workspaceId, viewer, opts, groupOf);
  return (a) => byCode.get(a.code);
}

/**
 * The choropleth layer: every area of the level (the latest CBS year) as a GeoJSON Feature with
 * its display geometry (coordinates rounded to 5 decimals, about 1 m) and the measure's value.
 * Counts only include what the caller may see, so private carriers are not revealed by numbers.
 */
export async function getMapLayer(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: MapLayerQuery,
) {
  assertCan(actor, 'directory.read', workspaceId);
  const errors = measureErrors(q);
  const [terms, indicator, cbsYear] = await Promise.all([
    knownTerms(ctx.db, workspaceId, q.domainId ? [q.domainId] : []),
    indicatorYear(ctx, workspaceId, q),
    latestCbsYear(ctx.db, workspaceId, q.level),
  ]);
  errors.push(...termErrors(terms, [{ pointer: '/domainId', id: q.domainId, kind: 'domain' }]));
  errors.push(...indicator.errors);
  assertNoErrors(errors, 'The map layer request is invalid.');

  const base = {
    type: 'FeatureCollection' as const,
    measure: q.measure,
    unit: units[q.measure],
    level: q.level,
    cbsYear,
    year: indicator.year,
    tileUrl: ctx.config.mapTileUrl ?? null,
    tileAttribution: ctx.config.mapTileAttribution ?? null,
  };
  if (cbsYear === null) return { ...base, min: null, max: null, features: [] };

  const [areas, values] = await Promise.all([
    mapAreas(ctx.db, workspaceId, q.level, cbsYear),
    valuesPerArea(ctx, actor, workspaceId, q, cbsYear, indicator.year),
  ]);
  const missing = q.measure === 'indicator' ? null : 0;
  const features = areas.map((a) => {
    const geometry = parseGeometry(a.displayGeometry);
    return {
      type: 'Feature' as const,
      id: a.id,
      geometry: geometry && roundGeometry(geometry),
      properties: {
        id: a.id,
        code: a.code,
        name: a.name,
        level: a.level,
        value: values(a) ?? missing,
      },
    };
  });
  const present = features.flatMap((f) =>
    f.properties.value === null ? [] : [f.properties.value],
  );
  return {
    ...base,
    min: present.length ? Math.min(...present) : null,
    max: present.length ? Math.max(...present) : null,
    features,
  };
}

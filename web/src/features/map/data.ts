import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { areasKey } from '../areas/data.ts';
import type { AreaLevel } from '../areas/types.ts';

export const mapLevels = ['buurt', 'wijk'] as const;
export type MapLevel = (typeof mapLevels)[number];

export const mapMeasures = ['carriers', 'activities', 'indicator'] as const;
export type MapMeasure = (typeof mapMeasures)[number];

export interface MapGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

export interface MapFeature {
  type: 'Feature';
  id: string;
  geometry: MapGeometry | null;
  properties: { id: string; code: string; name: string; level: AreaLevel; value: number | null };
}

/** GET W/map-layer: the areas of one level with the chosen measure (WGS84 GeoJSON). */
export interface MapLayer {
  type: 'FeatureCollection';
  measure: MapMeasure;
  unit: string | null;
  level: MapLevel;
  cbsYear: number | null;
  year: number | null;
  min: number | null;
  max: number | null;
  tileUrl: string | null;
  tileAttribution: string | null;
  features: MapFeature[];
}

/** The map's URL search: what the map shows. Everything is optional; the server has defaults. */
export interface MapSearch {
  level?: MapLevel;
  measure?: MapMeasure;
  domainId?: string;
  indicator?: string;
  year?: number;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value)
    ? (value as T)
    : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() && value.length <= 100 ? value.trim() : undefined;

/** Reads `?level&measure&domainId&indicator&year`; unknown values fall back to the defaults. */
export function validateMapSearch(search: Record<string, unknown>): MapSearch {
  const out: MapSearch = {};
  const level = oneOf(mapLevels, search.level);
  const measure = oneOf(mapMeasures, search.measure);
  if (level) out.level = level;
  if (measure) out.measure = measure;
  if (measure === 'activities') {
    const domainId = text(search.domainId);
    if (domainId) out.domainId = domainId;
  }
  if (measure === 'indicator') {
    const indicator = text(search.indicator);
    const year = Number(search.year);
    if (indicator) out.indicator = indicator;
    if (Number.isInteger(year) && year >= 1900 && year <= 2100) out.year = year;
  }
  return out;
}

/**
 * The search the map asks the server for: an indicator map without a chosen indicator shows the
 * first one there is (by the order of the indicator list).
 */
export function effectiveSearch(
  search: MapSearch,
  indicators: readonly IndicatorOption[],
  order: (a: string, b: string) => number,
): MapSearch {
  if (search.measure !== 'indicator' || search.indicator) return search;
  const first = [...indicators].sort((a, b) => order(a.key, b.key))[0];
  return first ? { ...search, indicator: first.key } : search;
}

export const mapLayerQuery = (slug: string, search: MapSearch) =>
  queryOptions({
    queryKey: [...areasKey(slug), 'map-layer', search],
    queryFn: () =>
      api.get<MapLayer>(apiPath`/api/v1/workspaces/${slug}/map-layer`, {
        level: search.level ?? 'buurt',
        measure: search.measure ?? 'carriers',
        domainId: search.domainId,
        indicator: search.indicator,
        year: search.year,
      }),
  });

export interface IndicatorOption {
  key: string;
  /** The years with figures for this key, newest first. */
  years: number[];
}

interface AreaSummaryLite {
  id: string;
}

interface AreaFeatureLite {
  properties: { indicators: Array<{ year: number; values: Record<string, number | null> }> };
}

/**
 * The indicators that can colour the map. StatLine files carry the same columns for the gemeente,
 * its wijken and its buurten, and an indicator import always keeps the gemeente row, so the keys
 * and years of the gemeente stand for the whole workspace.
 */
export const indicatorOptionsQuery = (slug: string) =>
  queryOptions({
    queryKey: [...areasKey(slug), 'indicator-options'],
    queryFn: async (): Promise<IndicatorOption[]> => {
      const gemeenten = await api.get<Page<AreaSummaryLite>>(
        apiPath`/api/v1/workspaces/${slug}/areas`,
        { level: 'gemeente', pageSize: 1 },
      );
      const first = gemeenten.items[0];
      if (!first) return [];
      const area = await api.get<AreaFeatureLite>(
        apiPath`/api/v1/workspaces/${slug}/areas/${first.id}`,
      );
      const years = new Map<string, Set<number>>();
      for (const { year, values } of area.properties.indicators) {
        for (const [key, value] of Object.entries(values)) {
          if (value === null) continue;
          const set = years.get(key) ?? new Set<number>();
          set.add(year);
          years.set(key, set);
        }
      }
      return [...years]
        .map(([key, set]) => ({ key, years: [...set].sort((a, b) => b - a) }))
        .sort((a, b) => a.key.localeCompare(b.key));
    },
    staleTime: 5 * 60_000,
  });

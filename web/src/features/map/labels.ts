import type { TFunction } from 'i18next';
import { indicatorLabel } from '../areas/labels.ts';
import type { MapLayer, MapMeasure, MapSearch } from './data.ts';

const measureKeys = {
  carriers: 'map.measures.carriers',
  activities: 'map.measures.activities',
  indicator: 'map.measures.indicator',
} as const satisfies Record<MapMeasure, string>;

export const measureLabel = (measure: MapMeasure, t: TFunction): string => t(measureKeys[measure]);

/**
 * What the values of a layer are, as a column heading and legend title: "Actieve dragers",
 * "Activiteiten: Zorg", "Bevolkingsdichtheid (2017)".
 */
export function valueLabel(
  layer: MapLayer,
  search: MapSearch,
  domainName: string | null,
  t: TFunction,
): string {
  if (layer.measure === 'activities' && domainName) {
    return t('map.measures.activitiesIn', { domain: domainName });
  }
  if (layer.measure === 'indicator' && search.indicator) {
    const name = indicatorLabel(search.indicator, t);
    return layer.year ? t('map.measures.indicatorYear', { name, year: layer.year }) : name;
  }
  return measureLabel(layer.measure, t);
}

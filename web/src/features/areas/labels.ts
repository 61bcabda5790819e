import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaLevel, MatrixColumn } from './types.ts';

const levelKeys = {
  gemeente: 'areas.levels.gemeente',
  wijk: 'areas.levels.wijk',
  buurt: 'areas.levels.buurt',
} as const satisfies Record<AreaLevel, string>;

export const levelLabel = (level: AreaLevel, t: TFunction): string => t(levelKeys[level]);

const levelLowerKeys = {
  gemeente: 'areas.levelsLower.gemeente',
  wijk: 'areas.levelsLower.wijk',
  buurt: 'areas.levelsLower.buurt',
} as const satisfies Record<AreaLevel, string>;

/** The level as a word inside a sentence ("per buurt", "per neighbourhood"). */
export const levelLowerLabel = (level: AreaLevel, t: TFunction): string => t(levelLowerKeys[level]);

const columnKeys = {
  carriers: 'areas.matrix.carriers',
  small_organisations: 'areas.matrix.small_organisations',
  large_organisations: 'areas.matrix.large_organisations',
} as const satisfies Record<MatrixColumn, string>;

export const matrixColumnLabel = (column: MatrixColumn, t: TFunction): string =>
  t(columnKeys[column]);

/** Dutch and English names of the CBS kerncijfers (StatLine keys without their `_<n>` suffix). */
const indicatorKeys = {
  AantalInwoners: 'areas.indicators.AantalInwoners',
  Mannen: 'areas.indicators.Mannen',
  Vrouwen: 'areas.indicators.Vrouwen',
  k_0Tot15Jaar: 'areas.indicators.k_0Tot15Jaar',
  k_15Tot25Jaar: 'areas.indicators.k_15Tot25Jaar',
  k_25Tot45Jaar: 'areas.indicators.k_25Tot45Jaar',
  k_45Tot65Jaar: 'areas.indicators.k_45Tot65Jaar',
  k_65JaarOfOuder: 'areas.indicators.k_65JaarOfOuder',
  HuishoudensTotaal: 'areas.indicators.HuishoudensTotaal',
  GemiddeldeHuishoudensgrootte: 'areas.indicators.GemiddeldeHuishoudensgrootte',
  Bevolkingsdichtheid: 'areas.indicators.Bevolkingsdichtheid',
  Woningvoorraad: 'areas.indicators.Woningvoorraad',
  PercentageEengezinswoning: 'areas.indicators.PercentageEengezinswoning',
  PercentageMeergezinswoning: 'areas.indicators.PercentageMeergezinswoning',
  Koopwoningen: 'areas.indicators.Koopwoningen',
  HuurwoningenTotaal: 'areas.indicators.HuurwoningenTotaal',
  InBezitWoningcorporatie: 'areas.indicators.InBezitWoningcorporatie',
  GemiddeldInkomenPerInwoner: 'areas.indicators.GemiddeldInkomenPerInwoner',
  GemiddeldInkomenPerInkomensontvanger: 'areas.indicators.GemiddeldInkomenPerInkomensontvanger',
  TotaalDiefstalUitWoningSchuurED: 'areas.indicators.TotaalDiefstalUitWoningSchuurED',
  VernielingMisdrijfTegenOpenbareOrde: 'areas.indicators.VernielingMisdrijfTegenOpenbareOrde',
  GeweldsEnSeksueleMisdrijven: 'areas.indicators.GeweldsEnSeksueleMisdrijven',
} as const;

type KnownIndicator = keyof typeof indicatorKeys;

const known = (key: string): key is KnownIndicator =>
  Object.prototype.hasOwnProperty.call(indicatorKeys, key);

/** StatLine appends a column number (`Bevolkingsdichtheid_33`); the name is the same without it. */
const baseKey = (key: string) => key.trim().replace(/_\d+$/, '');

/** The indicator's name in the interface language; unknown keys are shown as they are. */
export function indicatorLabel(key: string, t: TFunction): string {
  const base = baseKey(key);
  return known(base) ? t(indicatorKeys[base]) : key;
}

function byList(order: readonly string[], a: string, b: string): number {
  const ia = order.indexOf(baseKey(a));
  const ib = order.indexOf(baseKey(b));
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a.localeCompare(b);
}

/** Known key indicators first (in the order above), the rest by key. */
export const indicatorOrder = (a: string, b: string): number =>
  byList(Object.keys(indicatorKeys), a, b);

/** The indicators that tell most about a neighbourhood, for the charts: people, homes, money, safety. */
const chartKeys: readonly KnownIndicator[] = [
  'AantalInwoners',
  'HuishoudensTotaal',
  'k_65JaarOfOuder',
  'GemiddeldInkomenPerInwoner',
  'HuurwoningenTotaal',
  'GeweldsEnSeksueleMisdrijven',
];

export const chartOrder = (a: string, b: string): number => byList(chartKeys, a, b);

const locales = { nl: 'nl-NL', en: 'en-GB' } as const;

/** Numbers in the interface language: 12.345 (nl) or 12,345 (en), at most 1 decimal. */
export function useNumberFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? locales.en : locales.nl;
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return (value: number) => format.format(value);
  }, [locale]);
}

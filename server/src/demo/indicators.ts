import type { AreaIndicatorsTable } from '../db/types.ts';
import type { DemoArea, DemoAreas } from './areas.ts';
import type { Random } from './random.ts';

/**
 * Kerncijfers per buurt, wijk and gemeente for 2019–2024, under the keys the StatLine importer
 * stores (the StatLine column without its position suffix, areas/import/statline.ts): counts of
 * inhabitants by age group as CBS publishes them (rounded to 5), housing tenure in percent, income
 * per inhabitant in € 1,000 and crime per 1,000 inhabitants. Tiny buurten have their income and
 * crime figures secret (null), as CBS does, and a few values are missing at random.
 * Wijk and gemeente figures are aggregated from their buurten.
 */

export const INDICATOR_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const indicatorKeys = [
  'AantalInwoners',
  'Mannen',
  'Vrouwen',
  'k_0Tot15Jaar',
  'k_15Tot25Jaar',
  'k_25Tot45Jaar',
  'k_45Tot65Jaar',
  'k_65JaarOfOuder',
  'HuishoudensTotaal',
  'GemiddeldeHuishoudensgrootte',
  'Bevolkingsdichtheid',
  'Woningvoorraad',
  'Koopwoningen',
  'HuurwoningenTotaal',
  'InBezitWoningcorporatie',
  'GemiddeldInkomenPerInwoner',
  'TotaalDiefstalUitWoningSchuurED',
  'VernielingMisdrijfTegenOpenbareOrde',
  'GeweldsEnSeksueleMisdrijven',
] as const;
type Key = (typeof indicatorKeys)[number];
const K = Object.fromEntries(indicatorKeys.map((k, i) => [k, i])) as Record<Key, number>;
const NK = indicatorKeys.length;
const NY = INDICATOR_YEARS.length;
/** Counts are summed; the others are population-weighted means (density is recomputed). */
const COUNTS: Key[] = [
  'AantalInwoners',
  'Mannen',
  'Vrouwen',
  'k_0Tot15Jaar',
  'k_15Tot25Jaar',
  'k_25Tot45Jaar',
  'k_45Tot65Jaar',
  'k_65JaarOfOuder',
  'HuishoudensTotaal',
  'Woningvoorraad',
];

/** Values per area (in DemoAreas order: gemeente, then per wijk its buurten) × year × key; NaN = secret. */
export interface IndicatorTable {
  areas: DemoArea[];
  values: Float64Array;
}

const r5 = (n: number) => Math.max(0, Math.round(n / 5) * 5);
const r1 = (n: number) => Math.round(n * 10) / 10;

function buurtValues(random: Random, km2: number, out: Float64Array, at: number) {
  const tiny = random.chance(0.06);
  const pop0 = tiny ? random.int(20, 180) : random.int(450, 3800);
  const growth = random.float(-0.01, 0.025);
  const koop = random.float(15, 80);
  const corporatie = random.float(0.45, 0.9);
  const income = 16 + (koop / 80) * 18 + random.float(-2, 2);
  const young = random.float(0.11, 0.22);
  const teens = random.float(0.09, 0.16);
  const old = random.float(0.1, 0.3);
  const mid = 1 - young - teens - old;
  const size = random.float(1.6, 2.6);
  const deprivation = 1.4 - koop / 80;
  for (let y = 0; y < NY; y++) {
    const v = (key: Key, value: number) => (out[at + y * NK + K[key]] = value);
    const pop = pop0 * Math.pow(1 + growth, y) * random.float(0.99, 1.01);
    const inhabitants = r5(pop);
    v('AantalInwoners', inhabitants);
    v('Mannen', r5(pop * random.float(0.48, 0.52)));
    v('Vrouwen', r5(inhabitants - (out[at + y * NK + K.Mannen] ?? 0)));
    v('k_0Tot15Jaar', r5(pop * young));
    v('k_15Tot25Jaar', r5(pop * teens));
    v('k_25Tot45Jaar', r5(pop * mid * 0.52));
    v('k_45Tot65Jaar', r5(pop * mid * 0.48));
    v('k_65JaarOfOuder', r5(pop * (old + y * 0.002)));
    v('HuishoudensTotaal', r5(pop / size));
    v('GemiddeldeHuishoudensgrootte', r1(size));
    v('Bevolkingsdichtheid', Math.round(pop / km2));
    v('Woningvoorraad', r5((pop / size) * 1.03));
    const k = Math.round(koop + y * 0.4);
    v('Koopwoningen', k);
    v('HuurwoningenTotaal', 100 - k - random.int(0, 2));
    v('InBezitWoningcorporatie', Math.round((100 - k) * corporatie));
    v('GemiddeldInkomenPerInwoner', r1(income * (1 + y * 0.025)));
    v('TotaalDiefstalUitWoningSchuurED', Math.round(random.float(1, 4) * deprivation));
    v('VernielingMisdrijfTegenOpenbareOrde', Math.round(random.float(2, 7) * deprivation));
    v('GeweldsEnSeksueleMisdrijven', Math.round(random.float(2, 6) * deprivation));
    if (tiny) {
      for (const key of [
        'GemiddeldInkomenPerInwoner',
        'TotaalDiefstalUitWoningSchuurED',
        'VernielingMisdrijfTegenOpenbareOrde',
        'GeweldsEnSeksueleMisdrijven',
      ] as const)
        v(key, NaN);
    }
    if (random.chance(0.03)) v(random.pick(indicatorKeys), NaN);
  }
}

/** Sums counts and takes population-weighted means of the parts (secret parts left out). */
function aggregate(values: Float64Array, at: number, parts: number[], km2: number) {
  for (let y = 0; y < NY; y++) {
    for (let k = 0; k < NK; k++) {
      const key = indicatorKeys[k] as Key;
      let sum = 0;
      let weight = 0;
      let seen = 0;
      for (const p of parts) {
        const value = values[p + y * NK + k] ?? NaN;
        if (Number.isNaN(value)) continue;
        const w = values[p + y * NK + K.AantalInwoners] || 0;
        seen++;
        if (COUNTS.includes(key)) sum += value;
        else {
          sum += value * w;
          weight += w;
        }
      }
      let out = NaN;
      if (seen && COUNTS.includes(key)) out = sum;
      else if (weight > 0)
        out = key === 'GemiddeldInkomenPerInwoner' ? r1(sum / weight) : Math.round(sum / weight);
      if (key === 'GemiddeldeHuishoudensgrootte' && weight > 0) out = r1(sum / weight);
      values[at + y * NK + k] = out;
    }
    const pop = values[at + y * NK + K.AantalInwoners] ?? 0;
    values[at + y * NK + K.Bevolkingsdichtheid] = Math.round(pop / km2);
  }
}

/** Generates the table and sets each area row's population to its 2024 figure. */
export function buildIndicators(areas: DemoAreas, random: Random): IndicatorTable {
  const ordered = [areas.gemeente, ...areas.wijken, ...areas.buurten];
  const values = new Float64Array(ordered.length * NY * NK);
  const offset = (n: number) => n * NY * NK;
  const firstBuurt = 1 + areas.wijken.length;
  areas.buurten.forEach((b, n) => buurtValues(random, b.km2, values, offset(firstBuurt + n)));
  areas.wijken.forEach((w, n) =>
    aggregate(
      values,
      offset(1 + n),
      (areas.buurtenOf[n] ?? []).map((b) => offset(firstBuurt + b)),
      w.km2,
    ),
  );
  aggregate(
    values,
    0,
    areas.wijken.map((_, n) => offset(1 + n)),
    areas.gemeente.km2,
  );
  const population = new Map(
    ordered.map((a, n) => [a.id, values[offset(n) + (NY - 1) * NK + K.AantalInwoners] ?? NaN]),
  );
  for (const row of areas.rows) {
    const p = population.get(row.id);
    row.population = p === undefined || Number.isNaN(p) ? null : p;
  }
  return { areas: ordered, values };
}

/** The indicator rows in chunks of `size`, so a whole country never sits in memory as objects. */
export function* indicatorRows(
  workspaceId: string,
  table: IndicatorTable,
  size: number,
): Generator<AreaIndicatorsTable[]> {
  let chunk: AreaIndicatorsTable[] = [];
  for (let n = 0; n < table.areas.length; n++) {
    const area = table.areas[n] as DemoArea;
    for (let y = 0; y < NY; y++)
      for (let k = 0; k < NK; k++) {
        const value = table.values[n * NY * NK + y * NK + k] ?? NaN;
        chunk.push({
          workspace_id: workspaceId,
          area_id: area.id,
          year: INDICATOR_YEARS[y] as number,
          key: indicatorKeys[k] as string,
          value: Number.isNaN(value) ? null : value,
        });
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      }
  }
  if (chunk.length) yield chunk;
}

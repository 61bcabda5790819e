/**
 * Three property styles in the wild: the CBS download (BU_CODE, BU_NAAM, AANT_INW), PDOK's
 * wijkenbuurten service (buurtcode, buurtnaam, aantalInwoners; re-exports vary the case, e.g.
 * wijkCode) and simple exports (id/code, name/naam, population). Names match case-insensitively;
 * within a style the most specific level present wins (a buurt row also carries WK_CODE, GM_CODE).
 */

export const mappings = ['cbs', 'pdok', 'simple'] as const;
export type Mapping = (typeof mappings)[number];

interface Style {
  code: string[];
  name: string[];
  population: string[];
}

const STYLES: Record<Mapping, Style> = {
  cbs: {
    code: ['BU_CODE', 'WK_CODE', 'GM_CODE'],
    name: ['BU_NAAM', 'WK_NAAM', 'GM_NAAM'],
    population: ['AANT_INW'],
  },
  pdok: {
    code: ['buurtcode', 'wijkcode', 'gemeentecode'],
    name: ['buurtnaam', 'wijknaam', 'gemeentenaam'],
    population: ['aantalInwoners'],
  },
  simple: { code: ['code', 'id'], name: ['name', 'naam'], population: ['population'] },
};

type Props = Record<string, unknown>;

/** Looks a property up by name, ignoring case. */
function lookup(props: Props, name: string): unknown {
  if (name in props) return props[name];
  const lower = name.toLowerCase();
  const key = Object.keys(props).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : props[key];
}

const present = (props: Props, names: string[]) =>
  names.some((n) => {
    const v = lookup(props, n);
    return v !== undefined && v !== null && v !== '';
  });

/** The style whose code field the features carry; undefined when none does. */
export function detectMapping(features: Props[]): Mapping | undefined {
  return mappings.find((m) => features.some((p) => present(p, STYLES[m].code)));
}

export interface MappedProps {
  code: string | undefined;
  name: string | undefined;
  population: unknown;
}

function first(props: Props, names: string[]): unknown {
  for (const n of names) {
    const v = lookup(props, n);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' ? String(v) : undefined;

export function mapProperties(props: Props, mapping: Mapping): MappedProps {
  const s = STYLES[mapping];
  return {
    code: text(first(props, s.code)),
    name: text(first(props, s.name)),
    population: first(props, s.population),
  };
}

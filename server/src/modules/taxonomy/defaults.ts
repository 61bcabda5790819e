import type { TaxonomyKind } from '../../db/types.ts';

export interface DefaultTerm {
  kind: TaxonomyKind;
  labelNl: string;
  labelEn: string;
}

const domains: [string, string][] = [
  ['zorg', 'care'],
  ['wonen', 'housing'],
  ['sociaal werk', 'social work'],
  ['veiligheid', 'safety'],
  ['onderwijs', 'education'],
  ['werk en inkomen', 'work and income'],
  ['armoede en schulden', 'poverty and debt'],
  ['jeugd', 'youth'],
  ['ouderen', 'older people'],
  ['gezondheid', 'health'],
  ['openbare ruimte', 'public space'],
  ['cultuur', 'culture'],
  ['sport', 'sport'],
  ['taal en integratie', 'language and integration'],
  ['participatie en vrijwilligerswerk', 'participation and volunteering'],
  ['eenzaamheid', 'loneliness'],
];

const targetGroups: [string, string][] = [
  ['jongeren', 'young people'],
  ['kinderen en gezinnen', 'children and families'],
  ['ouderen', 'older people'],
  ['statushouders', 'refugees with a residence permit'],
  ['nieuwkomers', 'newcomers'],
  ['mensen met schulden', 'people in debt'],
  ['mensen met een beperking', 'people with a disability'],
  ['mantelzorgers', 'informal carers'],
  ['alleenstaande ouders', 'single parents'],
  ['dak- en thuislozen', 'homeless people'],
  ['werkzoekenden', 'jobseekers'],
];

/** The default Dutch taxonomy every new workspace starts with, in display order per kind. */
export const defaultTerms: readonly DefaultTerm[] = [
  ...domains.map(([labelNl, labelEn]) => ({ kind: 'domain' as const, labelNl, labelEn })),
  ...targetGroups.map(([labelNl, labelEn]) => ({
    kind: 'target_group' as const,
    labelNl,
    labelEn,
  })),
];

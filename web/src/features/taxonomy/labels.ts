import type { TFunction } from 'i18next';
import type { TermKind } from './data.ts';

const kindKeys = {
  domain: 'areas.taxonomy.kinds.domain',
  target_group: 'areas.taxonomy.kinds.target_group',
} as const satisfies Record<TermKind, string>;

const kindPluralKeys = {
  domain: 'areas.taxonomy.kindsPlural.domain',
  target_group: 'areas.taxonomy.kindsPlural.target_group',
} as const satisfies Record<TermKind, string>;

export const kindLabel = (kind: TermKind, t: TFunction): string => t(kindKeys[kind]);
export const kindPluralLabel = (kind: TermKind, t: TFunction): string => t(kindPluralKeys[kind]);

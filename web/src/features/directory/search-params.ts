import { isIsoDate } from '../actors/dates.ts';
import {
  actorKinds,
  includes,
  organisationKinds,
  sizeClasses,
  type ActorKind,
  type OrganisationKind,
  type SizeClass,
} from '../actors/types.ts';

export const resultTypes = ['actor', 'initiative', 'activity'] as const;
export type ResultType = (typeof resultTypes)[number];

/** The directory's state in the URL (`/w/$slug/zoeken?q=…&areaId=…`): shareable, back-button safe. */
export interface DirectorySearch {
  q?: string;
  type?: ResultType;
  areaId?: string;
  domainId?: string;
  targetGroupId?: string;
  actorKind?: ActorKind;
  orgKind?: OrganisationKind;
  sizeClass?: SizeClass;
  activeFrom?: string;
  activeTo?: string;
  page?: number;
}

export const filterKeys = [
  'type',
  'areaId',
  'domainId',
  'targetGroupId',
  'actorKind',
  'orgKind',
  'sizeClass',
  'activeFrom',
  'activeTo',
] as const;
export type FilterKey = (typeof filterKeys)[number];

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const Q_MAX = 200;

/** The router parses `?q=12` as a number; a search text is always a string. */
const text = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim().slice(0, Q_MAX);
  return s || undefined;
};
const id = (value: unknown) => (typeof value === 'string' && ID.test(value) ? value : undefined);
const date = (value: unknown) =>
  typeof value === 'string' && isIsoDate(value) ? value : undefined;
const oneOf = <T extends string>(list: readonly T[], value: unknown) =>
  includes(list, value) ? value : undefined;

/** Unknown or malformed values are dropped, so a hand-edited URL still shows a page. */
export function validateDirectorySearch(search: Record<string, unknown>): DirectorySearch {
  const page = Number(search.page);
  const result: DirectorySearch = {
    q: text(search.q),
    type: oneOf(resultTypes, search.type),
    areaId: id(search.areaId),
    domainId: id(search.domainId),
    targetGroupId: id(search.targetGroupId),
    actorKind: oneOf(actorKinds, search.actorKind),
    orgKind: oneOf(organisationKinds, search.orgKind),
    sizeClass: oneOf(sizeClasses, search.sizeClass),
    activeFrom: date(search.activeFrom),
    activeTo: date(search.activeTo),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  // Leave out empty keys: they would show up as `?q=` in shared links.
  return Object.fromEntries(
    Object.entries(result).filter(([, v]) => v !== undefined),
  ) as DirectorySearch;
}

/** Whether any filter (not the text) narrows the results. */
export const hasFilters = (search: DirectorySearch) =>
  filterKeys.some((key) => search[key] !== undefined);

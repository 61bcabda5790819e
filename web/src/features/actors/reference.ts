import { queryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';

/** The areas and taxonomy terms that actors, activities and the directory filters refer to. */

export type AreaLevel = 'gemeente' | 'wijk' | 'buurt';

export interface AreaSummary {
  id: string;
  code: string;
  level: AreaLevel;
  cbsYear: number;
  name: string;
  parentCode: string | null;
  population: number | null;
}

export interface Term {
  id: string;
  kind: 'domain' | 'target_group';
  slug: string;
  labelNl: string;
  labelEn: string;
  description: string | null;
  position: number;
  archived: boolean;
}

const AREA_PAGE_SIZE = 100;
/** A municipality has a few hundred areas at most; a whole country is no list to pick from. */
const AREA_MAX_PAGES = 30;

async function fetchAllAreas(slug: string): Promise<AreaSummary[]> {
  const path = apiPath`/api/v1/workspaces/${slug}/areas`;
  const first = await api.get<Page<AreaSummary>>(path, { page: 1, pageSize: AREA_PAGE_SIZE });
  const pages = Math.min(AREA_MAX_PAGES, Math.ceil(first.total / AREA_PAGE_SIZE));
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      api.get<Page<AreaSummary>>(path, { page: i + 2, pageSize: AREA_PAGE_SIZE }),
    ),
  );
  return [first, ...rest].flatMap((page) => page.items);
}

export const areasQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'areas', 'all'],
    queryFn: () => fetchAllAreas(slug),
    staleTime: 5 * 60_000,
  });

/** Every term, archived ones too: records keep archived terms, forms only offer live ones. */
export const termsQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'taxonomy-terms', 'all'],
    queryFn: () =>
      api
        .get<{ items: Term[] }>(apiPath`/api/v1/workspaces/${slug}/taxonomy-terms`, {
          includeArchived: 'true',
        })
        .then((data) => data.items),
    staleTime: 5 * 60_000,
  });

/** The term's label in the interface language. */
export function useTermLabel() {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  return (term: Term) => (english ? term.labelEn : term.labelNl);
}

export interface AreaGroup {
  /** The wijk (or gemeente) heading the group; null for areas without a known parent. */
  head: AreaSummary | null;
  members: AreaSummary[];
}

const byName = (a: AreaSummary, b: AreaSummary) => a.name.localeCompare(b.name, 'nl');

/**
 * Areas in a tree order for pickers: the gemeenten first, then every wijk followed by its
 * buurten (by CBS parent code). Buurten whose wijk is unknown come last.
 */
export function groupAreas(areas: readonly AreaSummary[]): {
  gemeenten: AreaSummary[];
  wijken: AreaGroup[];
  loose: AreaSummary[];
} {
  const gemeenten = areas.filter((a) => a.level === 'gemeente').sort(byName);
  const wijkList = areas.filter((a) => a.level === 'wijk').sort(byName);
  const wijkCodes = new Set(wijkList.map((w) => w.code));
  const buurten = areas.filter((a) => a.level === 'buurt').sort(byName);
  const wijken = wijkList.map((head) => ({
    head,
    members: buurten.filter((b) => b.parentCode === head.code),
  }));
  const loose = buurten.filter((b) => !b.parentCode || !wijkCodes.has(b.parentCode));
  return { gemeenten, wijken, loose };
}

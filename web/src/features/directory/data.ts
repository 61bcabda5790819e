import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import type { ActorKind, OrganisationKind, SizeClass, Visibility } from '../actors/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { DirectorySearch, ResultType } from './search-params.ts';

export const SEARCH_PAGE_SIZE = 20;

/** One hit of `GET W/search` (server/src/modules/directory/schema.ts). */
export interface SearchResult {
  type: ResultType;
  id: string;
  title: string;
  summary: string | null;
  actorId: string | null;
  actorKind: ActorKind | null;
  orgKind: OrganisationKind | null;
  sizeClass: SizeClass | null;
  startDate: string | null;
  endDate: string | null;
  visibility: Visibility;
}

export const searchQuery = (slug: string, search: DirectorySearch) => {
  const { page = 1, ...filters } = search;
  return queryOptions({
    queryKey: [...workspaceKey(slug), 'search', filters, page],
    queryFn: () =>
      api.get<Page<SearchResult>>(apiPath`/api/v1/workspaces/${slug}/search`, {
        ...filters,
        page,
        pageSize: SEARCH_PAGE_SIZE,
      }),
  });
};

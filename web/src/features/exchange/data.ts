import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { ActorImportInput, ActorImportReport, CsvDelimiter, HsdsPage } from './types.ts';

/** Organisations per HSDS file: the API's largest page. */
export const HSDS_PART_SIZE = 100;

/** How many public organisations the HSDS export holds (one organisation fetched, for the total). */
export const hsdsTotalQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'exports', 'hsds', 'total'],
    queryFn: async () => {
      const page = await api.get<HsdsPage>(apiPath`/api/v1/workspaces/${slug}/exports/hsds`, {
        page: 1,
        pageSize: 1,
      });
      return page.total_items;
    },
  });

// Downloads are plain same-origin links: the browser sends the session cookie with a GET, and the
// server names the CSV file (Content-Disposition). No CSRF token is needed for a GET.

export const csvExportUrl = (
  slug: string,
  what: 'actors' | 'activities',
  delimiter: CsvDelimiter,
): string =>
  `${apiPath`/api/v1/workspaces/${slug}/exports/`}${what}.csv?${new URLSearchParams({ delimiter })}`;

export const hsdsExportUrl = (slug: string, part: number): string =>
  `${apiPath`/api/v1/workspaces/${slug}/exports/hsds`}?${new URLSearchParams({
    page: String(part),
    pageSize: String(HSDS_PART_SIZE),
  })}`;

const importPath = (slug: string) => apiPath`/api/v1/workspaces/${slug}/actor-imports`;

/** Dry run: the per-row report of what the import would do, problems included (200). */
export function useCheckActorImport(slug: string) {
  return useMutation({
    mutationFn: (input: ActorImportInput) =>
      api.post<ActorImportReport>(importPath(slug), { ...input, dryRun: true }),
  });
}

/** The import itself: all rows or none (a 400 lists every problem with pointer `/rows/<n>`). */
export function useActorImport(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActorImportInput) =>
      api.post<ActorImportReport>(importPath(slug), { ...input, dryRun: false }),
    // New actors show up in search, lists, area pages, the map and the exports.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey(slug) }),
  });
}

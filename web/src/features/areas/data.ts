import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  AreaImportInput,
  AreaImportPreview,
  AreaImportRun,
  AreaOverview,
  AreaSummary,
} from './types.ts';

/** Query-key prefix of everything about areas: lists, overviews, the map layer. */
export const areasKey = (slug: string) => [...workspaceKey(slug), 'areas'] as const;

export const AREAS_PAGE_SIZE = 50;

export const areasPageQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...areasKey(slug), 'page', page],
    queryFn: () =>
      api.get<Page<AreaSummary>>(apiPath`/api/v1/workspaces/${slug}/areas`, {
        page,
        pageSize: AREAS_PAGE_SIZE,
      }),
  });

export const areaOverviewQuery = (slug: string, areaId: string) =>
  queryOptions({
    queryKey: [...areasKey(slug), 'overview', areaId],
    queryFn: () =>
      api.get<AreaOverview>(apiPath`/api/v1/workspaces/${slug}/areas/${areaId}/overview`),
  });

/** Dry run: what the file would create and update, or every bad feature (400 problem). */
export function useAreaImportPreview(slug: string) {
  return useMutation({
    mutationFn: (input: AreaImportInput) =>
      api.post<AreaImportPreview>(apiPath`/api/v1/workspaces/${slug}/area-imports`, {
        ...input,
        dryRun: true,
      }),
  });
}

export function useStartAreaImport(slug: string) {
  return useMutation({
    mutationFn: (input: AreaImportInput) =>
      api.post<AreaImportRun>(apiPath`/api/v1/workspaces/${slug}/area-import-runs`, input),
  });
}

const POLL_MS = 500;

/** The run, asked for again every half second until it has finished. */
export const areaImportRunQuery = (slug: string, runId: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'area-import-runs', runId],
    queryFn: () =>
      api.get<AreaImportRun>(apiPath`/api/v1/workspaces/${slug}/area-import-runs/${runId}`),
    refetchInterval: (query) =>
      query.state.data && query.state.data.status !== 'running' ? false : POLL_MS,
    staleTime: 0,
  });

/** After an import every area list, overview and map layer may have changed. */
export function useRefreshAreas(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: areasKey(slug) });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { Flow, FlowInput, FundingDashboard } from './types.ts';

export const FLOWS_PAGE_SIZE = 20;
const fundingKey = (slug: string) => [...workspaceKey(slug), 'funding'] as const;

export const fundingDashboardQuery = (slug: string, areaId: string | undefined) =>
  queryOptions({
    queryKey: [...fundingKey(slug), 'dashboard', areaId ?? ''],
    queryFn: () =>
      api.get<FundingDashboard>(apiPath`/api/v1/workspaces/${slug}/funding-dashboard`, { areaId }),
  });

export const flowsQuery = (slug: string, page: number, areaId: string | undefined) =>
  queryOptions({
    queryKey: [...fundingKey(slug), 'flows', page, areaId ?? ''],
    queryFn: () =>
      api.get<Page<Flow>>(apiPath`/api/v1/workspaces/${slug}/funding-flows`, {
        page,
        pageSize: FLOWS_PAGE_SIZE,
        areaId,
      }),
  });

/** The CSV downloads (semicolons and decimal commas, as Dutch spreadsheets expect). */
export const dashboardCsvUrl = (slug: string, areaId: string | undefined) =>
  `${apiPath`/api/v1/workspaces/${slug}/exports/funding-dashboard.csv`}${areaId ? `?areaId=${encodeURIComponent(areaId)}` : ''}`;
export const flowsCsvUrl = (slug: string) =>
  apiPath`/api/v1/workspaces/${slug}/exports/funding-flows.csv`;

export function useCreateFlow(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FlowInput) =>
      api.post<Flow>(apiPath`/api/v1/workspaces/${slug}/funding-flows`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fundingKey(slug) }),
  });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  Dashboard,
  ObstacleDetail,
  ObstacleInput,
  Obstacle,
  ObstacleStatus,
} from './types.ts';

export const OBSTACLES_PAGE_SIZE = 20;
const obstaclesKey = (slug: string) => [...workspaceKey(slug), 'obstacles'] as const;

export const obstaclesQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'list', page],
    queryFn: () =>
      api.get<Page<Obstacle>>(apiPath`/api/v1/workspaces/${slug}/obstacles`, {
        page,
        pageSize: OBSTACLES_PAGE_SIZE,
      }),
  });

export const obstacleQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'detail', id],
    queryFn: () => api.get<ObstacleDetail>(apiPath`/api/v1/workspaces/${slug}/obstacles/${id}`),
  });

export const obstacleDashboardQuery = (slug: string) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'dashboard'],
    queryFn: () => api.get<Dashboard>(apiPath`/api/v1/workspaces/${slug}/obstacle-dashboard`),
  });

export const reportUrl = (slug: string, year: number, format: 'html' | 'csv') =>
  `${apiPath`/api/v1/workspaces/${slug}/obstacle-reports/${String(year)}`}?format=${format}`;

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: obstaclesKey(slug) });
}

export function useReportObstacle(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: ObstacleInput) =>
      api.post<ObstacleDetail>(apiPath`/api/v1/workspaces/${slug}/obstacles`, input),
    onSuccess: refresh,
  });
}

export function useEndorse(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (context: string) =>
      api.post<ObstacleDetail>(apiPath`/api/v1/workspaces/${slug}/obstacles/${id}/endorsements`, {
        context: context.trim() || null,
      }),
    onSuccess: refresh,
  });
}

export function useRespond(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { status: ObstacleStatus; explanation: string }) =>
      api.post<ObstacleDetail>(apiPath`/api/v1/workspaces/${slug}/obstacles/${id}/responses`, {
        status: input.status,
        explanation: input.explanation.trim() || null,
      }),
    onSuccess: refresh,
  });
}

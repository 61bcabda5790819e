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
  Owner,
  RedactField,
  TrendBy,
  TrendPeriod,
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

/** The dashboard of one year (or all years when `year` is undefined), with the trend asked for. */
export const obstacleDashboardQuery = (
  slug: string,
  year?: number,
  trend: { by: TrendBy; period: TrendPeriod } = { by: 'category', period: 'month' },
) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'dashboard', year ?? 'all', trend.by, trend.period],
    queryFn: () =>
      api.get<Dashboard>(apiPath`/api/v1/workspaces/${slug}/obstacle-dashboard`, {
        year,
        trendBy: trend.by,
        period: trend.period,
      }),
  });

/** Open obstacles a duplicate can be merged into (the newest 100). */
export const mergeCandidatesQuery = (slug: string) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'merge-candidates'],
    queryFn: () =>
      api.get<Page<Obstacle>>(apiPath`/api/v1/workspaces/${slug}/obstacles`, {
        page: 1,
        pageSize: 100,
      }),
  });

export const ownersQuery = (slug: string) =>
  queryOptions({
    queryKey: [...obstaclesKey(slug), 'owners'],
    queryFn: () => api.get<{ items: Owner[] }>(apiPath`/api/v1/workspaces/${slug}/obstacle-owners`),
  });

export const reportUrl = (slug: string, year: number, format: 'html' | 'csv' | 'pdf') =>
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

const onePath = (slug: string, id: string) => apiPath`/api/v1/workspaces/${slug}/obstacles/${id}`;

export function useWithdraw(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: () => api.post<ObstacleDetail>(`${onePath(slug, id)}/withdrawal`),
    onSuccess: refresh,
  });
}

export function useAssign(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { ownerId: string; dueDate: string }) =>
      api.put<ObstacleDetail>(`${onePath(slug, id)}/owner`, input),
    onSuccess: refresh,
  });
}

export function useHide(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { hidden: boolean; reason: string }) =>
      api.put<ObstacleDetail>(`${onePath(slug, id)}/moderation`, input),
    onSuccess: refresh,
  });
}

export function useRedact(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: {
      field: RedactField;
      endorsementId?: string;
      find: string;
      reason: string;
    }) => api.post<ObstacleDetail>(`${onePath(slug, id)}/redactions`, input),
    onSuccess: refresh,
  });
}

export function useMerge(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (intoId: string) =>
      api.post<ObstacleDetail>(`${onePath(slug, id)}/merge`, { intoId }),
    onSuccess: refresh,
  });
}

export function useCreateOwner(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: {
      name: string;
      kind: Owner['kind'];
      actorId: string | null;
      memberUserIds: string[];
    }) => api.post<Owner>(apiPath`/api/v1/workspaces/${slug}/obstacle-owners`, input),
    onSuccess: refresh,
  });
}

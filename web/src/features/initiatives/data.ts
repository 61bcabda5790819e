import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { useRecordsRefresh } from '../activities/data.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  AchievementInput,
  Initiative,
  InitiativeDetail,
  InitiativeInput,
  InitiativeStatus,
} from './types.ts';

export const INITIATIVES_PAGE_SIZE = 20;

const initiativesKey = (slug: string) => [...workspaceKey(slug), 'initiatives'] as const;

export const initiativesQuery = (
  slug: string,
  page: number,
  status: InitiativeStatus | undefined,
) =>
  queryOptions({
    queryKey: [...initiativesKey(slug), 'list', status ?? 'all', page],
    queryFn: () =>
      api.get<Page<Initiative>>(apiPath`/api/v1/workspaces/${slug}/initiatives`, {
        page,
        pageSize: INITIATIVES_PAGE_SIZE,
        status,
      }),
  });

export const initiativeQuery = (slug: string, initiativeId: string) =>
  queryOptions({
    queryKey: [...initiativesKey(slug), 'detail', initiativeId],
    queryFn: () =>
      api.get<InitiativeDetail>(apiPath`/api/v1/workspaces/${slug}/initiatives/${initiativeId}`),
  });

export function useSaveInitiative(slug: string, initiativeId?: string) {
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (input: InitiativeInput) =>
      initiativeId
        ? api.patch<InitiativeDetail>(
            apiPath`/api/v1/workspaces/${slug}/initiatives/${initiativeId}`,
            input,
          )
        : api.post<InitiativeDetail>(apiPath`/api/v1/workspaces/${slug}/initiatives`, input),
    onSuccess: refresh,
  });
}

export function useDeleteInitiative(slug: string) {
  const queryClient = useQueryClient();
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (initiativeId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/initiatives/${initiativeId}`),
    onSuccess: (_data, initiativeId) => {
      queryClient.removeQueries({ queryKey: initiativeQuery(slug, initiativeId).queryKey });
      return refresh();
    },
  });
}

/** Results and recognitions are read through their initiative's detail. */
export function useCreateAchievement(slug: string) {
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (input: AchievementInput) =>
      api.post(apiPath`/api/v1/workspaces/${slug}/achievements`, input),
    onSuccess: refresh,
  });
}

export function useDeleteAchievement(slug: string) {
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (achievementId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/achievements/${achievementId}`),
    onSuccess: refresh,
  });
}

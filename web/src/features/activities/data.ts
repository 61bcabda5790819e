import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, isApiProblem } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import type { ActorDetail, ActorKind } from '../actors/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { Activity, ActivityDetail, ActivityInput, SearchHit } from './types.ts';

const activitiesKey = (slug: string) => [...workspaceKey(slug), 'activities'] as const;

export const ACTOR_ACTIVITIES_PAGE_SIZE = 100;

/** An actor's activities, newest start first (the first 100; the total says if there are more). */
export const actorActivityListQuery = (slug: string, actorId: string) =>
  queryOptions({
    queryKey: [...activitiesKey(slug), 'by-actor', actorId],
    queryFn: () =>
      api.get<Page<Activity>>(apiPath`/api/v1/workspaces/${slug}/activities`, {
        actorId,
        pageSize: ACTOR_ACTIVITIES_PAGE_SIZE,
      }),
  });

export const activityQuery = (slug: string, activityId: string) =>
  queryOptions({
    queryKey: [...activitiesKey(slug), 'detail', activityId],
    queryFn: () =>
      api.get<ActivityDetail>(apiPath`/api/v1/workspaces/${slug}/activities/${activityId}`),
  });

/** The caller's own carrier in the workspace; null when they have none (the API answers 404). */
export const myCarrierQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'me-carrier'],
    queryFn: async () => {
      try {
        return await api.get<ActorDetail>(apiPath`/api/v1/workspaces/${slug}/me/carrier`);
      } catch (error) {
        if (isApiProblem(error) && error.status === 404) return null;
        throw error;
      }
    },
  });

export const PICKER_PAGE_SIZE = 50;

/** Actors or initiatives the viewer may see whose name starts with the words typed, by name. */
export const pickerQuery = (
  slug: string,
  type: 'actor' | 'initiative',
  q: string,
  actorKind?: ActorKind,
) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'search', 'picker', type, actorKind ?? null, q],
    queryFn: () =>
      api.get<Page<SearchHit>>(apiPath`/api/v1/workspaces/${slug}/search`, {
        type,
        actorKind,
        q: q || undefined,
        pageSize: PICKER_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Caches that name, count or list activities, initiatives and achievements. */
const recordCaches = new Set(['actors', 'activities', 'initiatives', 'achievements', 'search']);
const areaCaches = new Set(['map-layer', 'overview']);

function isRecordCache(key: QueryKey, slug: string): boolean {
  const [scope, id, part, sub] = key;
  if (scope !== 'workspace' || id !== slug) return false;
  if (typeof part === 'string' && recordCaches.has(part)) return true;
  // Area pages and map layers count activities; the area list itself is unchanged.
  return part === 'areas' && typeof sub === 'string' && areaCaches.has(sub);
}

/**
 * After a change of an activity, initiative or achievement, everything that shows them is stale:
 * actor pages and track records, lists, search, area pages and the map.
 */
export function useRecordsRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ predicate: (query) => isRecordCache(query.queryKey, slug) });
}

export function useSaveActivity(slug: string, activityId?: string) {
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      activityId
        ? api.patch<ActivityDetail>(
            apiPath`/api/v1/workspaces/${slug}/activities/${activityId}`,
            input,
          )
        : api.post<ActivityDetail>(apiPath`/api/v1/workspaces/${slug}/activities`, input),
    onSuccess: refresh,
  });
}

export function useDeleteActivity(slug: string) {
  const queryClient = useQueryClient();
  const refresh = useRecordsRefresh(slug);
  return useMutation({
    mutationFn: (activityId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/activities/${activityId}`),
    onSuccess: (_data, activityId) => {
      queryClient.removeQueries({ queryKey: activityQuery(slug, activityId).queryKey });
      return refresh();
    },
  });
}

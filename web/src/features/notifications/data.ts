import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { Notification } from './types.ts';

export const NOTIFICATIONS_PAGE_SIZE = 20;
const notificationsKey = (slug: string) => [...workspaceKey(slug), 'notifications'] as const;
const base = (slug: string) => apiPath`/api/v1/workspaces/${slug}/me/notifications`;

export const notificationsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...notificationsKey(slug), 'list', page],
    queryFn: () =>
      api.get<Page<Notification>>(base(slug), { page, pageSize: NOTIFICATIONS_PAGE_SIZE }),
  });

/** The header's count: cheap, refreshed on focus and every few minutes. */
export const unreadCountQuery = (slug: string) =>
  queryOptions({
    queryKey: [...notificationsKey(slug), 'unread-count'],
    queryFn: () => api.get<{ unread: number }>(`${base(slug)}/unread-count`),
    refetchInterval: 5 * 60_000,
  });

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationsKey(slug) });
}

/** Marks one notification read; the list and the header's count follow. */
export function useReadNotification(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) =>
      api.post<Notification>(apiPath`/api/v1/workspaces/${slug}/me/notifications/${id}/read`),
    onSuccess: refresh,
  });
}

export function useReadAllNotifications(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: () => api.post<{ read: number }>(`${base(slug)}/read-all`),
    onSuccess: refresh,
  });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  CheckIn,
  CheckInAggregates,
  CheckInInput,
  CheckInSettings,
  CheckInShare,
  PeriodKind,
  ReminderInterval,
  SharedCheckIn,
} from './types.ts';

export const CHECK_INS_PAGE_SIZE = 50;
const checkInsKey = (slug: string) => [...workspaceKey(slug), 'check-ins'] as const;
const mine = (slug: string) => apiPath`/api/v1/workspaces/${slug}/me/check-ins`;
const shares = (slug: string) => apiPath`/api/v1/workspaces/${slug}/me/check-in-shares`;
const settings = (slug: string) => apiPath`/api/v1/workspaces/${slug}/me/check-in-settings`;

/** The caller's own check-ins, newest first. */
export const myCheckInsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...checkInsKey(slug), 'mine', page],
    queryFn: () => api.get<Page<CheckIn>>(mine(slug), { page, pageSize: CHECK_INS_PAGE_SIZE }),
  });

export const checkInSettingsQuery = (slug: string) =>
  queryOptions({
    queryKey: [...checkInsKey(slug), 'settings'],
    queryFn: () => api.get<CheckInSettings>(settings(slug)),
  });

export const checkInSharesQuery = (slug: string) =>
  queryOptions({
    queryKey: [...checkInsKey(slug), 'shares'],
    queryFn: () => api.get<{ items: CheckInShare[] }>(shares(slug)),
  });

/** Check-ins that others share with the caller, newest first. */
export const sharedCheckInsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...checkInsKey(slug), 'shared', page],
    queryFn: () =>
      api.get<Page<SharedCheckIn>>(apiPath`/api/v1/workspaces/${slug}/shared-check-ins`, {
        page,
        pageSize: CHECK_INS_PAGE_SIZE,
      }),
  });

export const checkInAggregatesQuery = (slug: string, period: PeriodKind) =>
  queryOptions({
    queryKey: [...checkInsKey(slug), 'aggregates', period],
    queryFn: () =>
      api.get<CheckInAggregates>(apiPath`/api/v1/workspaces/${slug}/check-in-aggregates`, {
        period,
      }),
  });

/** Every mutation refreshes the caller's own check-in data (list, settings, shares). */
function useCheckInMutation<I, O>(slug: string, mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: checkInsKey(slug) }),
  });
}

export const useFileCheckIn = (slug: string) =>
  useCheckInMutation(slug, (input: CheckInInput) => api.post<CheckIn>(mine(slug), input));

export const useDeleteCheckIn = (slug: string) =>
  useCheckInMutation(slug, (id: string) => api.delete(`${mine(slug)}/${encodeURIComponent(id)}`));

export const useSaveCheckInSettings = (slug: string) =>
  useCheckInMutation(slug, (input: { reminderInterval: ReminderInterval; language: 'nl' | 'en' }) =>
    api.put<CheckInSettings>(settings(slug), input),
  );

export const useShareCheckIns = (slug: string) =>
  useCheckInMutation(slug, (email: string) => api.post<CheckInShare>(shares(slug), { email }));

export const useRevokeShare = (slug: string) =>
  useCheckInMutation(slug, (userId: string) =>
    api.delete(`${shares(slug)}/${encodeURIComponent(userId)}`),
  );

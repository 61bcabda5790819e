import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Language, Me, Session } from '../../api/types.ts';
import { applyLanguage } from '../../i18n/index.ts';
import { startSession } from '../session/store.ts';

export const sessionsQuery = queryOptions({
  queryKey: ['sessions'],
  queryFn: () => api.get<{ items: Session[] }>('/api/v1/me/sessions'),
});

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { displayName: string; language: Language }) =>
      api.patch<Me>('/api/v1/me', input),
    onSuccess: (me) => {
      startSession(queryClient, me);
      applyLanguage(me.language);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<Me>('/api/v1/me/password', input),
    onSuccess: (me) => {
      // All other sessions ended and the CSRF token rotated.
      startSession(queryClient, me);
      return queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
    },
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ended: number }>('/api/v1/me/sessions/end-others'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey }),
  });
}

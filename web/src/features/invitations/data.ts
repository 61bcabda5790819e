import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Invitation, InvitationLookup, Language, Me, Page, Role } from '../../api/types.ts';
import { startSession } from '../session/store.ts';
import { workspaceKey } from '../workspaces/data.ts';

export const INVITATIONS_PAGE_SIZE = 20;

export const invitationsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'invitations', page],
    queryFn: () =>
      api.get<Page<Invitation>>(apiPath`/api/v1/workspaces/${slug}/invitations`, {
        page,
        pageSize: INVITATIONS_PAGE_SIZE,
      }),
  });

export interface NewInvitation {
  email: string;
  role: Role;
  language: Language;
}

export function useCreateInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewInvitation) =>
      api.post<Invitation>(apiPath`/api/v1/workspaces/${slug}/invitations`, input),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...workspaceKey(slug), 'invitations'] }),
  });
}

export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/invitations/${invitationId}`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...workspaceKey(slug), 'invitations'] }),
  });
}

/**
 * Looking an invitation up is a read, so it is cached like one (in memory only; the token never
 * reaches a URL the server sees).
 */
export const invitationLookupQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation-lookup', token],
    queryFn: () => api.post<InvitationLookup>('/api/v1/invitations/lookup', { token }),
    staleTime: Infinity,
  });

export type AcceptInput =
  | { token: string; displayName: string; password: string; language: Language }
  | { token: string; language: Language };

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInput) => api.post<Me>('/api/v1/invitations/accept', input),
    onSuccess: (me) => {
      startSession(queryClient, me);
      return queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    },
  });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Member, Page, Role } from '../../api/types.ts';
import { meQuery } from '../session/store.ts';
import { workspaceKey } from '../workspaces/data.ts';

export const MEMBERS_PAGE_SIZE = 20;

export const membersQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'members', page],
    queryFn: () =>
      api.get<Page<Member>>(apiPath`/api/v1/workspaces/${slug}/members`, {
        page,
        pageSize: MEMBERS_PAGE_SIZE,
      }),
  });

/** A change of members may change the viewer's own role, so the workspace and `me` refresh too. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: workspaceKey(slug) }),
      queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
    ]);
}

export function useChangeRole(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<Member>(apiPath`/api/v1/workspaces/${slug}/members/${userId}`, { role }),
    onSuccess: refresh,
  });
}

export function useRemoveMember(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/members/${userId}`),
    onSuccess: refresh,
  });
}

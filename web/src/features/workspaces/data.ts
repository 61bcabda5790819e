import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Workspace } from '../../api/types.ts';

export const workspacesQuery = queryOptions({
  queryKey: ['workspaces'],
  queryFn: () => api.get<{ items: Workspace[] }>('/api/v1/workspaces'),
});

export const workspaceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['workspace', slug],
    queryFn: () => api.get<Workspace>(apiPath`/api/v1/workspaces/${slug}`),
  });

/** Query-key prefix of everything cached for one workspace (members, invitations, tokens). */
export const workspaceKey = (slug: string) => ['workspace', slug] as const;

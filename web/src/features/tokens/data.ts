import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { ApiToken, CreatedApiToken } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';

const tokensKey = (slug: string) => [...workspaceKey(slug), 'api-tokens'];

export const apiTokensQuery = (slug: string) =>
  queryOptions({
    queryKey: tokensKey(slug),
    queryFn: () => api.get<{ items: ApiToken[] }>(apiPath`/api/v1/workspaces/${slug}/api-tokens`),
  });

export function useCreateApiToken(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) =>
      api.post<CreatedApiToken>(apiPath`/api/v1/workspaces/${slug}/api-tokens`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(slug) }),
  });
}

export function useRevokeApiToken(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/api-tokens/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(slug) }),
  });
}

import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, isApiProblem, setCsrfToken } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or null when there is no session. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

/** Stores a fresh `Me` (from login, accept, profile or password change) and its CSRF token. */
export function startSession(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQuery.queryKey, me);
}

/** Forgets the session and every cached resource that belonged to it. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  queryClient.setQueryData(meQuery.queryKey, null);
}

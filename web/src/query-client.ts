import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './api/client.ts';
import { endSession } from './features/session/store.ts';

/**
 * `unauthenticated` means the session ended (idle timeout, logout in another tab, password changed
 * elsewhere); other 401 codes (`invalid_credentials`, `login_required`) belong to their form.
 */
function onError(error: unknown): void {
  if (isApiProblem(error) && error.status === 401 && error.code === 'unauthenticated') {
    endSession(queryClient);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (4xx) will not go away by asking again.
      retry: (failureCount, error) =>
        !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { meQuery } from '../features/session/store.ts';
import { rootRoute } from './root.tsx';

/** Pathless layout for every page that needs a session. */
export const protectedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'protected',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      throw redirect({
        to: '/inloggen',
        search: { redirect: location.pathname + location.searchStr },
        replace: true,
      });
    }
  },
  component: Protected,
});

/**
 * When the session ends while a page is open, the router re-runs `beforeLoad` (see router.tsx),
 * which redirects to the login page; until then nothing protected is shown.
 */
function Protected() {
  const { data: me } = useSuspenseQuery(meQuery);
  return me ? <Outlet /> : null;
}

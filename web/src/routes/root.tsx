import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { RootLayout } from '../components/layout/root-layout.tsx';
import { RootError } from '../components/status-pages.tsx';
import { meQuery } from '../features/session/store.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Every page needs to know whether someone is signed in (header, navigation, redirects).
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(meQuery);
  },
  component: RootLayout,
  errorComponent: RootError,
  staticData: { crumb: ({ t }) => t('nav.home') },
});

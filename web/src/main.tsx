import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './styles/app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLanguage } from './i18n/index.ts';
import { meQuery } from './features/session/store.ts';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

// With a session, the profile's language applies from the first paint on.
void queryClient
  .ensureQueryData(meQuery)
  .then((me) => {
    if (me) applyLanguage(me.language);
  })
  .catch(() => {
    // The root route shows the error page; nothing to do here.
  });

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

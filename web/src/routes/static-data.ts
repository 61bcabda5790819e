import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';

export interface CrumbContext {
  t: TFunction;
  params: Record<string, string | undefined>;
  queryClient: QueryClient;
}

declare module '@tanstack/react-router' {
  interface StaticDataRouteOption {
    /** Label of this route in the breadcrumb trail; routes without one are skipped. */
    crumb?: (context: CrumbContext) => string;
  }
}

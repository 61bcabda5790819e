import type { QueryClient } from '@tanstack/react-query';
import { areasQuery, termsQuery } from '../actors/reference.ts';

/** The areas and terms the offer and need forms offer, loaded before the form shows. */
export const supportReference = (queryClient: QueryClient, slug: string) =>
  Promise.all([
    queryClient.ensureQueryData(areasQuery(slug)),
    queryClient.ensureQueryData(termsQuery(slug)),
  ]);

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  AllySuggestions,
  SignalDetail,
  SignalFilter,
  SignalNote,
  SignalState,
  SignalSummary,
} from './types.ts';

export const SIGNALS_PAGE_SIZE = 20;
export const signalsKey = (slug: string) => [...workspaceKey(slug), 'overlap-signals'] as const;
const base = (slug: string) => apiPath`/api/v1/workspaces/${slug}/overlap-signals`;

export const signalsQuery = (slug: string, page: number, filter: SignalFilter = {}) =>
  queryOptions({
    queryKey: [
      ...signalsKey(slug),
      'list',
      page,
      filter.areaId ?? '',
      filter.state ?? '',
      filter.actorId ?? '',
    ],
    queryFn: () =>
      api.get<Page<SignalSummary>>(base(slug), {
        page,
        pageSize: SIGNALS_PAGE_SIZE,
        areaId: filter.areaId,
        state: filter.state,
        actorId: filter.actorId,
      }),
  });

/** The signals naming an actor or sharing an area (the first 100, strongest first). */
export const sectionSignalsQuery = (slug: string, filter: { areaId?: string; actorId?: string }) =>
  queryOptions({
    queryKey: [...signalsKey(slug), 'section', filter.areaId ?? '', filter.actorId ?? ''],
    queryFn: () => api.get<Page<SignalSummary>>(base(slug), { page: 1, pageSize: 100, ...filter }),
  });

export const signalQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...signalsKey(slug), 'detail', id],
    queryFn: () => api.get<SignalDetail>(apiPath`/api/v1/workspaces/${slug}/overlap-signals/${id}`),
  });

export const allySuggestionsQuery = (slug: string, actorId: string) =>
  queryOptions({
    queryKey: [...signalsKey(slug), 'allies', actorId],
    queryFn: () =>
      api.get<AllySuggestions>(
        apiPath`/api/v1/workspaces/${slug}/actors/${actorId}/ally-suggestions`,
        { limit: 10 },
      ),
  });

export interface TransitionInput {
  to: SignalState;
  reason?: string | null;
  allianceId?: string | null;
}

export function useTransition(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) =>
      api.post<SignalDetail>(
        apiPath`/api/v1/workspaces/${slug}/overlap-signals/${id}/transitions`,
        input,
      ),
    onSuccess: (detail) => {
      queryClient.setQueryData(signalQuery(slug, id).queryKey, detail);
      return queryClient.invalidateQueries({ queryKey: signalsKey(slug) });
    },
  });
}

export function useAddNote(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<SignalNote>(apiPath`/api/v1/workspaces/${slug}/overlap-signals/${id}/notes`, {
        text,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signalQuery(slug, id).queryKey }),
  });
}

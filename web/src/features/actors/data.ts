import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import { api, isApiProblem } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  ActorDetail,
  Affiliation,
  AffiliationChanges,
  AffiliationInput,
  ActorInput,
  ActorSummary,
  Consent,
  OrganisationInput,
  PersonInput,
  TrackRecordItem,
} from './types.ts';

const actorsKey = (slug: string) => [...workspaceKey(slug), 'actors'] as const;
const actorKey = (slug: string, actorId: string) => [...actorsKey(slug), actorId] as const;

export const actorQuery = (slug: string, actorId: string) =>
  queryOptions({
    queryKey: [...actorKey(slug, actorId), 'detail'],
    queryFn: () => api.get<ActorDetail>(apiPath`/api/v1/workspaces/${slug}/actors/${actorId}`),
  });

export const trackRecordQuery = (slug: string, actorId: string) =>
  queryOptions({
    queryKey: [...actorKey(slug, actorId), 'track-record'],
    queryFn: () =>
      api.get<{ items: TrackRecordItem[] }>(
        apiPath`/api/v1/workspaces/${slug}/actors/${actorId}/track-record`,
      ),
  });

export const actorListQuery = (slug: string, kind: 'person' | 'organisation', page: number) =>
  queryOptions({
    queryKey: [...actorsKey(slug), 'list', kind, page],
    queryFn: () =>
      api.get<Page<ActorSummary>>(apiPath`/api/v1/workspaces/${slug}/actors`, {
        kind,
        page,
        pageSize: 100,
      }),
  });

/**
 * After a change, everything cached about actors and the directory is stale: the actor itself, the
 * lists, search results (names, visibility) and the activities that take their actor's visibility.
 */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: actorsKey(slug) }),
      queryClient.invalidateQueries({ queryKey: [...workspaceKey(slug), 'search'] }),
    ]);
}

export function useCreateActor(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: ActorInput) =>
      api.post<ActorDetail>(apiPath`/api/v1/workspaces/${slug}/actors`, input),
    onSuccess: refresh,
  });
}

export type PersonChanges = Omit<PersonInput, 'kind' | 'consent'>;
export type OrganisationChanges = Omit<OrganisationInput, 'kind'>;

export interface ActorUpdate {
  actorId: string;
  changes: PersonChanges | OrganisationChanges;
  /** Consent to record (set), withdraw (null) or leave as it is (undefined). */
  consent?: Consent | null;
}

/**
 * Saves an edit. Consent has its own resource: recorded before the changes (so a wider visibility
 * is allowed), withdrawn after them (so the record is private by then).
 */
export function useUpdateActor(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: async ({ actorId, changes, consent }: ActorUpdate) => {
      const consentPath = apiPath`/api/v1/workspaces/${slug}/actors/${actorId}/consent`;
      if (consent) await withPointerPrefix('/consent', () => api.put(consentPath, consent));
      const saved = await api.patch<ActorDetail>(
        apiPath`/api/v1/workspaces/${slug}/actors/${actorId}`,
        changes,
      );
      if (consent === null) await api.delete(consentPath);
      return saved;
    },
    onSettled: refresh,
  });
}

export function useDeleteActor(slug: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (actorId: string) =>
      api.delete(apiPath`/api/v1/workspaces/${slug}/actors/${actorId}`),
    onSuccess: (_data, actorId) => {
      queryClient.removeQueries({ queryKey: actorKey(slug, actorId) });
      return refresh();
    },
  });
}

/**
 * Affiliations live on both actors' pages (and in the person's track record): after a change
 * every cached actor is stale.
 */
export function useAddAffiliation(slug: string, actorId: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: AffiliationInput) =>
      api.post<Affiliation>(
        apiPath`/api/v1/workspaces/${slug}/actors/${actorId}/affiliations`,
        input,
      ),
    onSuccess: refresh,
  });
}

export function useUpdateAffiliation(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: AffiliationChanges }) =>
      api.patch<Affiliation>(apiPath`/api/v1/workspaces/${slug}/affiliations/${id}`, changes),
    onSuccess: refresh,
  });
}

export function useDeleteAffiliation(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.delete(apiPath`/api/v1/workspaces/${slug}/affiliations/${id}`),
    onSuccess: refresh,
  });
}

/** Field errors of a sub-resource (consent) point into the form's `/consent/…` fields. */
async function withPointerPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isApiProblem(error)) {
      for (const item of error.errors) {
        if (item.location === 'body') item.pointer = `${prefix}${item.pointer}`;
      }
    }
    throw error;
  }
}

/** A record the viewer may not see answers 404: show the router's "not found" page, quietly. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) throw notFound();
    throw error;
  }
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  Commitment,
  CommitmentInput,
  CommitmentRecipientType,
  Delivery,
  Durability,
  Match,
  Need,
  NeedInput,
  Offer,
  OfferInput,
  RenewalTerm,
  Side,
  Suggestion,
  Suggestions,
} from './types.ts';

export const SUPPORT_PAGE_SIZE = 20;
const supportKey = (slug: string) => [...workspaceKey(slug), 'support'] as const;
const base = (slug: string) => apiPath`/api/v1/workspaces/${slug}`;

export const offersQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'offers', page],
    queryFn: () =>
      api.get<Page<Offer>>(`${base(slug)}/support-offers`, { page, pageSize: SUPPORT_PAGE_SIZE }),
  });

export const offerQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'offer', id],
    queryFn: () => api.get<Offer>(apiPath`/api/v1/workspaces/${slug}/support-offers/${id}`),
  });

export const needsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'needs', page],
    queryFn: () =>
      api.get<Page<Need>>(`${base(slug)}/support-needs`, { page, pageSize: SUPPORT_PAGE_SIZE }),
  });

export const needQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'need', id],
    queryFn: () => api.get<Need>(apiPath`/api/v1/workspaces/${slug}/support-needs/${id}`),
  });

/** Ranked suggestions: offers for a need, or open needs for an offer. */
export const suggestionsQuery = (slug: string, kind: 'need' | 'offer', id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'suggestions', kind, id],
    queryFn: () =>
      api.get<Suggestions<Suggestion & { offer?: Offer; need?: Need }>>(
        kind === 'need'
          ? apiPath`/api/v1/workspaces/${slug}/support-needs/${id}/matches`
          : apiPath`/api/v1/workspaces/${slug}/support-offers/${id}/matches`,
      ),
  });

export const matchesQuery = (slug: string, filter: { offerId?: string; needId?: string }) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'matches', filter.offerId ?? '', filter.needId ?? ''],
    queryFn: () =>
      api.get<Page<Match>>(`${base(slug)}/support-matches`, { ...filter, page: 1, pageSize: 100 }),
  });

export const commitmentsQuery = (slug: string, page: number, recipientId?: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'commitments', page, recipientId ?? ''],
    queryFn: () =>
      api.get<Page<Commitment>>(`${base(slug)}/support-commitments`, {
        page,
        pageSize: SUPPORT_PAGE_SIZE,
        recipientId,
      }),
  });

/** Offers to record a commitment from (the first 100, newest first as the list gives them). */
export const offerChoicesQuery = (slug: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'offers', 'choices'],
    queryFn: () => api.get<Page<Offer>>(`${base(slug)}/support-offers`, { page: 1, pageSize: 100 }),
  });

/** Commitments to an initiative or an alliance (what the caller may see of them). */
export const groupCommitmentsQuery = (
  slug: string,
  type: Exclude<CommitmentRecipientType, 'actor'>,
  id: string,
) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'commitments', type, id],
    queryFn: () =>
      api.get<Page<Commitment>>(`${base(slug)}/support-commitments`, {
        page: 1,
        pageSize: SUPPORT_PAGE_SIZE,
        ...(type === 'initiative' ? { recipientInitiativeId: id } : { recipientAllianceId: id }),
      }),
  });

/** Alliances of the workspace by name, for the recipient pickers (the first 100). */
export const alliancesQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'alliances', 'picker'],
    queryFn: () =>
      api.get<Page<{ id: string; name: string }>>(`${base(slug)}/alliances`, {
        page: 1,
        pageSize: 100,
      }),
  });

const commitmentPath = (slug: string, id: string) =>
  apiPath`/api/v1/workspaces/${slug}/support-commitments/${id}`;

export const commitmentQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'commitment', id],
    queryFn: () => api.get<Commitment>(commitmentPath(slug, id)),
  });

export const deliveriesQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'commitment', id, 'deliveries'],
    queryFn: () =>
      api.get<Page<Delivery>>(`${commitmentPath(slug, id)}/deliveries`, {
        page: 1,
        pageSize: 100,
      }),
  });

export const durabilityQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...supportKey(slug), 'commitment', id, 'durability'],
    queryFn: () => api.get<Durability>(`${commitmentPath(slug, id)}/durability`),
  });

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supportKey(slug) });
}

export function useSaveOffer(slug: string, id?: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: OfferInput) =>
      id
        ? api.patch<Offer>(apiPath`/api/v1/workspaces/${slug}/support-offers/${id}`, input)
        : api.post<Offer>(`${base(slug)}/support-offers`, input),
    onSuccess: refresh,
  });
}

export function useSaveNeed(slug: string, id?: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: NeedInput) =>
      id
        ? api.patch<Need>(apiPath`/api/v1/workspaces/${slug}/support-needs/${id}`, input)
        : api.post<Need>(`${base(slug)}/support-needs`, input),
    onSuccess: refresh,
  });
}

export function useProposeMatch(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { offerId: string; needId: string; renewal?: RenewalTerm }) =>
      api.post<Match>(`${base(slug)}/support-matches`, input),
    onSuccess: refresh,
  });
}

export function useDecideMatch(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { id: string; side: Side | 'reject' }) =>
      input.side === 'reject'
        ? api.post<Match>(apiPath`/api/v1/workspaces/${slug}/support-matches/${input.id}/rejection`)
        : api.post<Match>(
            apiPath`/api/v1/workspaces/${slug}/support-matches/${input.id}/acceptances`,
            { side: input.side },
          ),
    onSuccess: refresh,
  });
}

/** Record a commitment directly (coordinators): to an actor, an initiative or an alliance. */
export function useRecordCommitment(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: CommitmentInput) =>
      api.post<Commitment>(`${base(slug)}/support-commitments`, input),
    onSuccess: refresh,
  });
}

export function useRecordDelivery(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { deliveredOn: string; amount: number; note: string | null }) =>
      api.post<Delivery>(`${commitmentPath(slug, id)}/deliveries`, input),
    onSuccess: refresh,
  });
}

export function useEndCommitment(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { kind: 'end' | 'cancel'; endDate?: string; reason: string }) =>
      api.post<Commitment>(`${commitmentPath(slug, id)}/ending`, input),
    onSuccess: refresh,
  });
}

export function useRenewCommitment(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: { endDate: string | null; renewalNote: string | null }) =>
      api.post<Commitment>(`${commitmentPath(slug, id)}/renewals`, input),
    onSuccess: refresh,
  });
}

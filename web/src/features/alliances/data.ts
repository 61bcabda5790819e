import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { signalsKey } from '../signals/data.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  Agreement,
  Alliance,
  AllianceDetail,
  AllianceInput,
  AllianceStatus,
  Balance,
  Contribution,
  ContributionKind,
  LogEntry,
  MemberInput,
} from './types.ts';

export const ALLIANCES_PAGE_SIZE = 20;
const key = (slug: string) => [...workspaceKey(slug), 'alliances'] as const;
const base = (slug: string) => apiPath`/api/v1/workspaces/${slug}/alliances`;
const one = (slug: string, id: string) => apiPath`/api/v1/workspaces/${slug}/alliances/${id}`;

export const alliancesListQuery = (slug: string, page: number, status?: AllianceStatus) =>
  queryOptions({
    queryKey: [...key(slug), 'list', page, status ?? ''],
    queryFn: () =>
      api.get<Page<Alliance>>(base(slug), { page, pageSize: ALLIANCES_PAGE_SIZE, status }),
  });

export const allianceQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...key(slug), 'detail', id],
    queryFn: () => api.get<AllianceDetail>(one(slug, id)),
  });

export const balanceQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...key(slug), 'detail', id, 'balance'],
    queryFn: () => api.get<Balance>(`${one(slug, id)}/balance`),
  });

export const agreementsQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...key(slug), 'detail', id, 'agreements'],
    queryFn: () =>
      api.get<Page<Agreement>>(`${one(slug, id)}/agreements`, { page: 1, pageSize: 100 }),
  });

export const contributionsQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...key(slug), 'detail', id, 'contributions'],
    queryFn: () =>
      api.get<Page<Contribution>>(`${one(slug, id)}/contributions`, { page: 1, pageSize: 100 }),
  });

export const logQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...key(slug), 'detail', id, 'log'],
    queryFn: () => api.get<Page<LogEntry>>(`${one(slug, id)}/log`, { page: 1, pageSize: 100 }),
  });

/** After any change: the alliance, its records and balance, and the lists. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key(slug) });
}

/**
 * Creates an alliance (coordinators) or changes one. Formed from a signal (`signalId`), the server
 * moves the signal to "alliance formed" in the same transaction, or refuses both.
 */
export function useSaveAlliance(slug: string, id?: string) {
  const refresh = useRefresh(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AllianceInput) =>
      id
        ? api.patch<AllianceDetail>(one(slug, id), input)
        : api.post<AllianceDetail>(base(slug), input),
    onSettled: () =>
      Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: signalsKey(slug) })]),
  });
}

export function useAddMember(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: MemberInput) => api.post(`${one(slug, id)}/members`, input),
    onSuccess: refresh,
  });
}

export function useEndMember(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (memberId: string) =>
      api.post(apiPath`/api/v1/workspaces/${slug}/alliances/${id}/members/${memberId}/end`, {}),
    onSuccess: refresh,
  });
}

export interface AgreementInput {
  aims: string;
  charter: string;
  areaIds: string[];
  domainIds: string[];
}

export function useAddAgreement(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: AgreementInput) => api.post(`${one(slug, id)}/agreements`, input),
    onSuccess: refresh,
  });
}

export interface ContributionInput {
  memberId: string;
  period: string;
  kind: ContributionKind;
  quantity?: number;
  valueCents: number;
  note?: string | null;
}

export function useAddContribution(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: ContributionInput) => api.post(`${one(slug, id)}/contributions`, input),
    onSuccess: refresh,
  });
}

export function useDeleteContribution(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (contributionId: string) =>
      api.delete(
        apiPath`/api/v1/workspaces/${slug}/alliances/${id}/contributions/${contributionId}`,
      ),
    onSuccess: refresh,
  });
}

export interface LogInput {
  date: string;
  kind: 'meeting' | 'decision';
  title: string;
  body?: string | null;
}

export function useAddLog(slug: string, id: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (input: LogInput) => api.post(`${one(slug, id)}/log`, input),
    onSuccess: refresh,
  });
}

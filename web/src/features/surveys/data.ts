import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { Network } from '../network/types.ts';
import type { Questionnaire, SurveyAnswer, SurveyRound, SurveyRoundDetail } from './types.ts';

const roundsKey = (slug: string) => [...workspaceKey(slug), 'survey-rounds'] as const;
const roundsPath = (slug: string) => apiPath`/api/v1/workspaces/${slug}/survey-rounds`;

export const roundsQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...roundsKey(slug), 'list', page],
    queryFn: () => api.get<Page<SurveyRound>>(roundsPath(slug), { page, pageSize: 20 }),
  });

export const roundQuery = (slug: string, id: string) =>
  queryOptions({
    queryKey: [...roundsKey(slug), 'one', id],
    queryFn: () =>
      api.get<SurveyRoundDetail>(apiPath`/api/v1/workspaces/${slug}/survey-rounds/${id}`),
  });

interface ActorOption {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
}

/** Every actor the coordinator sees, by name (pages of 100), to choose a round's members. */
export const memberOptionsQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'actors', 'survey-options'],
    queryFn: async () => {
      const out: ActorOption[] = [];
      for (let page = 1; page <= 50; page++) {
        const res = await api.get<Page<ActorOption>>(apiPath`/api/v1/workspaces/${slug}/actors`, {
          page,
          pageSize: 100,
        });
        out.push(...res.items);
        if (out.length >= res.total || res.items.length === 0) break;
      }
      return out;
    },
  });

export interface RoundInput {
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  reminderDays: number;
  areaId?: string;
  members: { actorId: string }[];
}

export function useCreateRound(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundInput) => api.post<SurveyRoundDetail>(roundsPath(slug), input),
    onSuccess: () => client.invalidateQueries({ queryKey: roundsKey(slug) }),
  });
}

export function useRoundAction(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'opening' | 'closing' | 'reminders') =>
      api.post<SurveyRoundDetail | { reminded: number }>(
        `${apiPath`/api/v1/workspaces/${slug}/survey-rounds/${id}`}/${action}`,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: roundsKey(slug) });
      await client.invalidateQueries({ queryKey: [...workspaceKey(slug), 'network'] });
    },
  });
}

// ---- The questionnaire (public: the token from the email authenticates) ----

export const lookupQuestionnaire = (token: string) =>
  api.post<Questionnaire>('/api/v1/survey-responses/lookup', { token });

export const saveAnswer = (token: string, answer: SurveyAnswer) => {
  const { alterId, updatedAt: _updatedAt, ...rest } = answer;
  return api.put<SurveyAnswer>(apiPath`/api/v1/survey-responses/answers/${alterId}`, {
    token,
    ...rest,
  });
};

export const submitQuestionnaire = (token: string) =>
  api.post<{ submittedAt: string }>('/api/v1/survey-responses/submission', { token });

/** The frozen network of a closed round (its survey ties, trust and value from its ratings). */
export const roundNetworkQuery = (slug: string, roundId: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'network', 'round', roundId],
    queryFn: () =>
      api.get<Network>(apiPath`/api/v1/workspaces/${slug}/network`, { round: roundId }),
  });

/** Download address of a round network export. */
export const roundExportUrl = (slug: string, roundId: string, file: string) =>
  `${apiPath`/api/v1/workspaces/${slug}/exports/`}${file}?round=${encodeURIComponent(roundId)}`;

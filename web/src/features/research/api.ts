import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  AnswerValue,
  ConsentEvent,
  ConsentHistory,
  ConsentInput,
  InvitationList,
  InviteInput,
  InviteResult,
  Item,
  ItemInput,
  Participant,
  ParticipantInput,
  ReIdentification,
  ResearchQuestionnaire,
  Study,
  StudyStatus,
  TeamMember,
  Wave,
  WaveDetail,
  WaveInput,
} from './types.ts';

// The research API (issue 8) for the web app. Every key starts with the workspace key, then
// 'research', so one invalidation refreshes a study's pages.

export const researchKey = (slug: string) => [...workspaceKey(slug), 'research'] as const;
export const studyKey = (slug: string, studyId: string) =>
  [...researchKey(slug), 'study', studyId] as const;

const studiesPath = (slug: string) => apiPath`/api/v1/workspaces/${slug}/research/studies`;
/** `/api/v1/workspaces/<slug>/research/studies/<studyId>` (the contract's `S`). */
export const studyPath = (slug: string, studyId: string) =>
  apiPath`/api/v1/workspaces/${slug}/research/studies/${studyId}`;

// ---- Studies and team ----

export const studiesQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: [...researchKey(slug), 'studies', page],
    queryFn: () => api.get<Page<Study>>(studiesPath(slug), { page, pageSize: 20 }),
  });

export const studyQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'one'],
    queryFn: () => api.get<Study>(studyPath(slug, studyId)),
  });

export const teamQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'team'],
    queryFn: () => api.get<{ items: TeamMember[] }>(`${studyPath(slug, studyId)}/members`),
  });

export interface StudyInput {
  title: string;
  description?: string | null;
}

export function useCreateStudy(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StudyInput) => api.post<Study>(studiesPath(slug), input),
    onSuccess: () => client.invalidateQueries({ queryKey: researchKey(slug) }),
  });
}

/** Invalidates everything of one study once a change succeeded. */
function useStudyMutation<I, O>(slug: string, studyId: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: studyKey(slug, studyId) });
      await client.invalidateQueries({ queryKey: [...researchKey(slug), 'studies'] });
    },
  });
}

export const useChangeStudyStatus = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (status: StudyStatus) =>
    api.patch<Study>(studyPath(slug, studyId), { status }),
  );

export const useAppointSteward = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (email: string) =>
    api.put<Study>(`${studyPath(slug, studyId)}/steward`, { email }),
  );

export const useAddResearcher = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (email: string) =>
    api.post<TeamMember>(`${studyPath(slug, studyId)}/members`, { email }),
  );

export const useRemoveResearcher = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (userId: string) =>
    api.delete(`${studyPath(slug, studyId)}${apiPath`/members/${userId}`}`),
  );

// ---- Participants and consent ----

/** Every participant of the study (pages of 100), by pseudonym. */
export const participantsQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'participants'],
    queryFn: async () => {
      const out: Participant[] = [];
      for (let page = 1; page <= 100; page++) {
        const res = await api.get<Page<Participant>>(`${studyPath(slug, studyId)}/participants`, {
          page,
          pageSize: 100,
        });
        out.push(...res.items);
        if (out.length >= res.total || res.items.length === 0) break;
      }
      return out;
    },
  });

export const consentQuery = (slug: string, studyId: string, participantId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'participants', participantId, 'consent'],
    queryFn: () =>
      api.get<ConsentHistory>(
        `${studyPath(slug, studyId)}${apiPath`/participants/${participantId}/consents`}`,
      ),
  });

export const useAddParticipant = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (input: ParticipantInput) =>
    api.post<Participant>(`${studyPath(slug, studyId)}/participants`, input),
  );

export const useRecordConsent = (slug: string, studyId: string, participantId: string) =>
  useStudyMutation(slug, studyId, (input: ConsentInput) =>
    api.post<ConsentEvent>(
      `${studyPath(slug, studyId)}${apiPath`/participants/${participantId}/consents`}`,
      input,
    ),
  );

/** The steward's audited look at who a participant is: never cached. */
export const reIdentify = (slug: string, studyId: string, participantId: string, reason: string) =>
  api.post<ReIdentification>(
    `${studyPath(slug, studyId)}${apiPath`/participants/${participantId}/re-identifications`}`,
    { reason },
  );

export interface PersonOption {
  id: string;
  name: string;
}

/** The carriers (persons) of the workspace, by name (pages of 100), to add as participants. */
export const personOptionsQuery = (slug: string) =>
  queryOptions({
    queryKey: [...workspaceKey(slug), 'actors', 'research-person-options'],
    queryFn: async () => {
      const out: PersonOption[] = [];
      for (let page = 1; page <= 50; page++) {
        const res = await api.get<Page<PersonOption>>(apiPath`/api/v1/workspaces/${slug}/actors`, {
          page,
          pageSize: 100,
          kind: 'person',
        });
        out.push(...res.items.map(({ id, name }) => ({ id, name })));
        if (out.length >= res.total || res.items.length === 0) break;
      }
      return out.sort((a, b) => a.name.localeCompare(b.name));
    },
  });

// ---- Waves and items ----

const wavesKey = (slug: string, studyId: string) => [...studyKey(slug, studyId), 'waves'] as const;
const wavePath = (slug: string, studyId: string, waveId: string) =>
  `${studyPath(slug, studyId)}${apiPath`/waves/${waveId}`}`;

export const wavesQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...wavesKey(slug, studyId), 'list'],
    queryFn: () => api.get<{ items: Wave[] }>(`${studyPath(slug, studyId)}/waves`),
  });

export const waveQuery = (slug: string, studyId: string, waveId: string) =>
  queryOptions({
    queryKey: [...wavesKey(slug, studyId), 'one', waveId],
    queryFn: () => api.get<WaveDetail>(wavePath(slug, studyId, waveId)),
  });

export const invitationsQuery = (slug: string, studyId: string, waveId: string) =>
  queryOptions({
    queryKey: [...wavesKey(slug, studyId), 'one', waveId, 'invitations'],
    queryFn: () => api.get<InvitationList>(`${wavePath(slug, studyId, waveId)}/invitations`),
  });

export const useCreateWave = (slug: string, studyId: string) =>
  useStudyMutation(slug, studyId, (input: WaveInput) =>
    api.post<Wave>(`${studyPath(slug, studyId)}/waves`, input),
  );

export const useUpdateWave = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (input: Partial<WaveInput>) =>
    api.patch<Wave>(wavePath(slug, studyId, waveId), input),
  );

export const useWaveTransition = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (to: 'open' | 'close') =>
    api.post<Wave>(`${wavePath(slug, studyId, waveId)}/${to}`),
  );

export const useCreateItem = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (input: ItemInput) =>
    api.post<Item>(`${wavePath(slug, studyId, waveId)}/items`, input),
  );

export const useUpdateItem = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, ({ id, ...input }: Partial<ItemInput> & { id: string }) =>
    api.patch<Item>(`${wavePath(slug, studyId, waveId)}${apiPath`/items/${id}`}`, input),
  );

export const useDeleteItem = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (itemId: string) =>
    api.delete(`${wavePath(slug, studyId, waveId)}${apiPath`/items/${itemId}`}`),
  );

export const useReorderItems = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (itemIds: string[]) =>
    api.put<{ items: Item[] }>(`${wavePath(slug, studyId, waveId)}/item-order`, { itemIds }),
  );

export const useCopyItems = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (fromWaveId: string) =>
    api.post<{ items: Item[] }>(`${wavePath(slug, studyId, waveId)}/copy-items`, { fromWaveId }),
  );

export const useInvite = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, (input: InviteInput) =>
    api.post<InviteResult>(`${wavePath(slug, studyId, waveId)}/invitations`, input),
  );

export const useRemind = (slug: string, studyId: string, waveId: string) =>
  useStudyMutation(slug, studyId, () =>
    api.post<{ reminded: number }>(`${wavePath(slug, studyId, waveId)}/reminders`),
  );

// ---- The public questionnaire (the token from the email authenticates) ----

export const lookupResearchQuestionnaire = (token: string) =>
  api.post<ResearchQuestionnaire>('/api/v1/research-responses/lookup', { token });

export const saveResearchAnswer = (token: string, itemId: string, value: AnswerValue) =>
  api.put<{ itemId: string; savedAt: string }>(
    apiPath`/api/v1/research-responses/answers/${itemId}`,
    { token, value },
  );

export const submitResearchQuestionnaire = (token: string) =>
  api.post<{ submittedAt: string }>('/api/v1/research-responses/submission', { token });

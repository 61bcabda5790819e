import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type {
  Attachment,
  Code,
  CodeFrequencies,
  CodeInput,
  FileUpload,
  Interview,
  InterviewInput,
  InterviewSummary,
  Memo,
  MemoInput,
  OpenAnswer,
  ParticipantRef,
  Segment,
  SegmentSource,
  StudyHead,
  TranscriptFormat,
  Wave,
  WaveDetail,
} from './types.ts';

/**
 * Every cached answer of one study, so a change can refresh them all. The same prefix as the
 * study pages of features/research (`workspace, slug, 'research', 'study', id`), so either side's
 * changes refresh the other's pages; the keys below it differ from theirs.
 */
export const studyKey = (slug: string, studyId: string) =>
  [...workspaceKey(slug), 'research', 'study', studyId] as const;
export const studyPath = (slug: string, studyId: string) =>
  apiPath`/api/v1/workspaces/${slug}/research/studies/${studyId}`;

export const studyHeadQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'analysis-head'],
    queryFn: () => api.get<StudyHead>(studyPath(slug, studyId)),
  });

const PARTICIPANT_PAGES = 20;

/** Every participant (pseudonyms), page by page (100 a page). */
export const participantsQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'participants', 'refs'],
    queryFn: async () => {
      const all: ParticipantRef[] = [];
      for (let page = 1; page <= PARTICIPANT_PAGES; page++) {
        const data = await api.get<Page<ParticipantRef>>(
          `${studyPath(slug, studyId)}/participants`,
          { page, pageSize: 100 },
        );
        all.push(...data.items);
        if (page * data.pageSize >= data.total) break;
      }
      return all;
    },
  });

export const wavesQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'waves', 'analysis-list'],
    queryFn: () => api.get<{ items: Wave[] }>(`${studyPath(slug, studyId)}/waves`),
  });

export const waveQuery = (slug: string, studyId: string, waveId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'waves', 'analysis-one', waveId],
    queryFn: () =>
      api.get<WaveDetail>(
        apiPath`/api/v1/workspaces/${slug}/research/studies/${studyId}/waves/${waveId}`,
      ),
  });

export interface InterviewFilter {
  waveId?: string | undefined;
  participantId?: string | undefined;
}

export const interviewsQuery = (slug: string, studyId: string, filter: InterviewFilter) =>
  queryOptions({
    queryKey: [
      ...studyKey(slug, studyId),
      'interviews',
      'list',
      filter.waveId ?? '',
      filter.participantId ?? '',
    ],
    queryFn: () =>
      api.get<{ items: InterviewSummary[] }>(`${studyPath(slug, studyId)}/interviews`, {
        waveId: filter.waveId,
        participantId: filter.participantId,
      }),
  });

const interviewPath = (slug: string, studyId: string, id: string) =>
  `${studyPath(slug, studyId)}/interviews/${encodeURIComponent(id)}`;

export const interviewQuery = (slug: string, studyId: string, id: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'interviews', 'detail', id],
    queryFn: () => api.get<Interview>(interviewPath(slug, studyId, id)),
  });

export const attachmentUrl = (slug: string, studyId: string, id: string, attachmentId: string) =>
  `${interviewPath(slug, studyId, id)}/attachments/${encodeURIComponent(attachmentId)}`;

export const codesQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'codes'],
    queryFn: () => api.get<{ items: Code[] }>(`${studyPath(slug, studyId)}/codes`),
  });

export const frequenciesQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'code-frequencies'],
    queryFn: () => api.get<CodeFrequencies>(`${studyPath(slug, studyId)}/code-frequencies`),
  });

export const openAnswersQuery = (
  slug: string,
  studyId: string,
  waveId: string | undefined,
  code: string | undefined,
) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'open-answers', waveId ?? '', code ?? ''],
    queryFn: () =>
      api.get<{ items: OpenAnswer[] }>(`${studyPath(slug, studyId)}/open-answers`, {
        waveId,
        code,
      }),
  });

export interface MemoFilter {
  codeId?: string | undefined;
  interviewId?: string | undefined;
}

export const memosQuery = (slug: string, studyId: string, filter: MemoFilter) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'memos', filter.codeId ?? '', filter.interviewId ?? ''],
    queryFn: () =>
      api.get<{ items: Memo[] }>(`${studyPath(slug, studyId)}/memos`, {
        codeId: filter.codeId,
        interviewId: filter.interviewId,
      }),
  });

/** After any change: everything cached for the study (counts show on several pages). */
function useRefresh(slug: string, studyId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: studyKey(slug, studyId) });
}

export function useCreateInterview(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (input: InterviewInput) =>
      api.post<Interview>(`${studyPath(slug, studyId)}/interviews`, input),
    onSuccess: refresh,
  });
}

export function useDeleteInterview(slug: string, studyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(interviewPath(slug, studyId, id)),
    // The deleted interview's own entry is dropped by the page once it has navigated away.
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: [...studyKey(slug, studyId), 'interviews', 'list'],
      }),
  });
}

export function useUploadTranscript(slug: string, studyId: string, id: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (input: FileUpload & { format: TranscriptFormat }) =>
      api.put<Interview>(`${interviewPath(slug, studyId, id)}/transcript`, input),
    onSuccess: refresh,
  });
}

export function useAddAttachment(slug: string, studyId: string, id: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (input: FileUpload & { mediaType: string }) =>
      api.post<Attachment>(`${interviewPath(slug, studyId, id)}/attachments`, input),
    onSuccess: refresh,
  });
}

export function useDeleteAttachment(slug: string, studyId: string, id: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (attachmentId: string) =>
      api.delete(attachmentUrl(slug, studyId, id, attachmentId)),
    onSuccess: refresh,
  });
}

export function useSaveCode(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CodeInput }) =>
      id
        ? api.patch<Code>(`${studyPath(slug, studyId)}/codes/${encodeURIComponent(id)}`, input)
        : api.post<Code>(`${studyPath(slug, studyId)}/codes`, input),
    onSuccess: refresh,
  });
}

export function useDeleteCode(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`${studyPath(slug, studyId)}/codes/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useAddSegment(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (input: SegmentSource & { codeId: string; start: number; end: number }) =>
      api.post<Segment>(`${studyPath(slug, studyId)}/segments`, input),
    onSuccess: refresh,
  });
}

export function useDeleteSegment(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`${studyPath(slug, studyId)}/segments/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useSaveMemo(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: MemoInput }) =>
      id
        ? api.patch<Memo>(`${studyPath(slug, studyId)}/memos/${encodeURIComponent(id)}`, {
            title: input.title,
            body: input.body,
          })
        : api.post<Memo>(`${studyPath(slug, studyId)}/memos`, input),
    onSuccess: refresh,
  });
}

export function useDeleteMemo(slug: string, studyId: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (id: string) =>
      api.delete(`${studyPath(slug, studyId)}/memos/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useUpdateInterview(slug: string, studyId: string, id: string) {
  const refresh = useRefresh(slug, studyId);
  return useMutation({
    mutationFn: (input: { title?: string; heldOn?: string; waveId?: string | null }) =>
      api.patch<Interview>(interviewPath(slug, studyId, id), input),
    onSuccess: refresh,
  });
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { studyKey, studyPath } from './data.ts';
import type {
  Comparison,
  ExportLogEntry,
  ExportPart,
  WaveImportInput,
  WaveImportResult,
} from './types.ts';

export const comparisonQuery = (slug: string, studyId: string, from?: string, to?: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'comparison', from ?? '', to ?? ''],
    queryFn: () =>
      api.get<Comparison>(`${studyPath(slug, studyId)}/comparison`, {
        fromWaveId: from,
        toWaveId: to,
      }),
  });

export const exportLogQuery = (slug: string, studyId: string) =>
  queryOptions({
    queryKey: [...studyKey(slug, studyId), 'exports'],
    queryFn: () => api.get<{ items: ExportLogEntry[] }>(`${studyPath(slug, studyId)}/exports`),
  });

export const exportUrl = (slug: string, studyId: string, part: ExportPart) =>
  `${studyPath(slug, studyId)}/exports/${part}`;

/** A dry run changes nothing; a real import refreshes the study's waves, counts and comparison. */
export function useWaveImport(slug: string, studyId: string, waveId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WaveImportInput) =>
      api.post<WaveImportResult>(
        `${studyPath(slug, studyId)}/waves/${encodeURIComponent(waveId)}/imports`,
        input,
      ),
    onSuccess: (_data, input) =>
      input.dryRun
        ? undefined
        : queryClient.invalidateQueries({ queryKey: studyKey(slug, studyId) }),
  });
}

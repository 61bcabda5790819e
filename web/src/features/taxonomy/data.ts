import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Term } from '../actors/reference.ts';
import { workspaceKey } from '../workspaces/data.ts';

export const termKinds = ['domain', 'target_group'] as const;
export type TermKind = (typeof termKinds)[number];

/** Every cached list of terms (forms, filters, this page) refreshes after a change. */
const termsKey = (slug: string) => [...workspaceKey(slug), 'taxonomy-terms'] as const;

export interface TermCreate {
  kind: TermKind;
  labelNl: string;
  labelEn: string;
}

export interface TermChange {
  labelNl?: string;
  labelEn?: string;
  position?: number;
  archived?: boolean;
}

const termsPath = (slug: string) => apiPath`/api/v1/workspaces/${slug}/taxonomy-terms`;
const termPath = (slug: string, id: string) =>
  apiPath`/api/v1/workspaces/${slug}/taxonomy-terms/${id}`;

function useRefreshTerms(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: termsKey(slug) });
}

export function useCreateTerm(slug: string) {
  const refresh = useRefreshTerms(slug);
  return useMutation({
    mutationFn: (input: TermCreate) => api.post<Term>(termsPath(slug), input),
    onSuccess: refresh,
  });
}

export function useChangeTerm(slug: string) {
  const refresh = useRefreshTerms(slug);
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TermChange }) =>
      api.patch<Term>(termPath(slug, id), change),
    onSuccess: refresh,
  });
}

/** The terms of one kind in display order: position, then Dutch label (as the server orders). */
export function inOrder(terms: readonly Term[], kind: TermKind): Term[] {
  return terms
    .filter((term) => term.kind === kind)
    .sort((a, b) => a.position - b.position || a.labelNl.localeCompare(b.labelNl, 'nl'));
}

/**
 * Moves a term one place up or down and numbers the list 0, 1, 2, …; only the terms whose position
 * changes are saved (two for a list that was numbered already).
 */
export function reorder(list: readonly Term[], id: string, by: -1 | 1) {
  const from = list.findIndex((term) => term.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= list.length) return [];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next.flatMap((term, position) =>
    term.position === position ? [] : [{ id: term.id, position }],
  );
}

export function useMoveTerm(slug: string) {
  const refresh = useRefreshTerms(slug);
  return useMutation({
    mutationFn: async (changes: Array<{ id: string; position: number }>) => {
      // One after another: a half-done reorder is still a valid order, and the next move repairs it.
      for (const { id, position } of changes)
        await api.patch<Term>(termPath(slug, id), { position });
    },
    onSettled: refresh,
  });
}

import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import type { SurveyRound } from '../surveys/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { NetworkComparison } from './types.ts';

// Comparing two survey rounds (netwerkmetingen): the closed rounds to choose from and the API's
// comparison of their frozen snapshots (`…/network/comparison?fromRound=&toRound=`).

/** Two survey rounds rather than two days: asked for (`vergelijk=metingen`), or a round given. */
export const comparesRounds = (s: {
  vergelijk?: string | undefined;
  vanMeting?: string | undefined;
  totMeting?: string | undefined;
}): boolean => s.vergelijk === 'metingen' || Boolean(s.vanMeting ?? s.totMeting);

/** The closed rounds, earliest snapshot first (surveys.read: coordinators and admins). */
export const closedRoundsQuery = (slug: string) =>
  queryOptions({
    // Under the rounds' key, so opening or closing a round (surveys/data.ts) refreshes it.
    queryKey: [...workspaceKey(slug), 'survey-rounds', 'closed'],
    queryFn: async () => {
      const out: SurveyRound[] = [];
      for (let page = 1; page <= 20; page++) {
        const res = await api.get<Page<SurveyRound>>(
          apiPath`/api/v1/workspaces/${slug}/survey-rounds`,
          { status: 'closed', page, pageSize: 100 },
        );
        out.push(...res.items);
        if (out.length >= res.total || res.items.length === 0) break;
      }
      return sortRounds(out);
    },
  });

export const roundComparisonQuery = (slug: string, fromRound: string, toRound: string) =>
  queryOptions({
    // Under the network's key, so closing a round refreshes it like the other network views.
    queryKey: [...workspaceKey(slug), 'network', 'comparison', 'rounds', fromRound, toRound],
    queryFn: () =>
      api.get<NetworkComparison>(apiPath`/api/v1/workspaces/${slug}/network/comparison`, {
        fromRound,
        toRound,
      }),
  });

/** Rounds by snapshot day, then closing time, then id: a stable "earlier/later". */
export function sortRounds<R extends Pick<SurveyRound, 'id' | 'snapshotOn' | 'closedAt'>>(
  rounds: readonly R[],
): R[] {
  const key = (r: R) => `${r.snapshotOn ?? ''}|${r.closedAt ?? ''}|${r.id}`;
  return [...rounds].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface RoundPair<R> {
  from: R;
  to: R;
}

/**
 * The two rounds to compare. Both chosen: those. One chosen: it and its nearest neighbour, the
 * earlier one first (a later round chosen as `to` is compared with the round before it). None:
 * the two latest. Ids that are not among the closed rounds count as not chosen. Fewer than two
 * closed rounds: null.
 */
export function roundPair<R extends Pick<SurveyRound, 'id' | 'snapshotOn' | 'closedAt'>>(
  rounds: readonly R[],
  fromId: string | undefined,
  toId: string | undefined,
): RoundPair<R> | null {
  const sorted = sortRounds(rounds);
  const from = sorted.find((r) => r.id === fromId);
  const to = sorted.find((r) => r.id === toId);
  if (from && to) return { from, to };
  if (sorted.length < 2) return null;
  const n = sorted.length;
  if (to) {
    const i = sorted.indexOf(to);
    return i > 0 ? { from: sorted[i - 1]!, to } : { from: to, to: sorted[1]! };
  }
  if (from) {
    const i = sorted.indexOf(from);
    return i < n - 1 ? { from, to: sorted[i + 1]! } : { from: sorted[n - 2]!, to: from };
  }
  return { from: sorted[n - 2]!, to: sorted[n - 1]! };
}

/** Whether `a` is a later round than `b` (by snapshot day, closing time, id). */
export const isLater = <R extends Pick<SurveyRound, 'id' | 'snapshotOn' | 'closedAt'>>(
  a: R,
  b: R,
) => a.id !== b.id && sortRounds([a, b])[1] === a;

import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Page } from '../../api/types.ts';
import { workspaceKey } from '../workspaces/data.ts';
import type { Network, NetworkComparison, NetworkFilter, Tie } from './types.ts';

const networkKey = (slug: string) => [...workspaceKey(slug), 'network'] as const;

const filterKey = (f: NetworkFilter) => [f.areaId ?? '', f.domainId ?? '', f.type ?? ''];

export const networkQuery = (slug: string, asOf: string | undefined, filter: NetworkFilter) =>
  queryOptions({
    queryKey: [...networkKey(slug), 'graph', asOf ?? '', ...filterKey(filter)],
    queryFn: () =>
      api.get<Network>(apiPath`/api/v1/workspaces/${slug}/network`, { asOf, ...filter }),
  });

export const comparisonQuery = (
  slug: string,
  from: string | undefined,
  to: string | undefined,
  filter: NetworkFilter,
) =>
  queryOptions({
    queryKey: [...networkKey(slug), 'comparison', from ?? '', to ?? '', ...filterKey(filter)],
    queryFn: () =>
      api.get<NetworkComparison>(apiPath`/api/v1/workspaces/${slug}/network/comparison`, {
        from,
        to,
        ...filter,
      }),
  });

/** An actor's ego network: at most this many ties are listed (the API's largest page). */
export const EGO_PAGE_SIZE = 100;

export const actorTiesQuery = (slug: string, actorId: string) =>
  queryOptions({
    queryKey: [...networkKey(slug), 'ego', actorId],
    queryFn: () =>
      api.get<Page<Tie>>(apiPath`/api/v1/workspaces/${slug}/actors/${actorId}/ties`, {
        pageSize: EGO_PAGE_SIZE,
      }),
  });

export const exportFiles = ['gexf', 'graphml', 'nodes', 'edges', 'codebook'] as const;
export type ExportFile = (typeof exportFiles)[number];

const fileNames: Record<ExportFile, string> = {
  gexf: 'network.gexf',
  graphml: 'network.graphml',
  nodes: 'network-nodes.csv',
  edges: 'network-edges.csv',
  codebook: 'network-codebook.csv',
};

/** The download address of an export, with the page's day and filters (not for the codebook). */
export function exportUrl(
  slug: string,
  file: ExportFile,
  asOf: string | undefined,
  filter: NetworkFilter,
): string {
  const path = `${apiPath`/api/v1/workspaces/${slug}/exports/`}${fileNames[file]}`;
  if (file === 'codebook') return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ asOf, ...filter })) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

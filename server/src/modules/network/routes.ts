import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { problems, workspaceParams } from '../../http/route-schema.ts';
import { sendJson } from '../../http/send-json.ts';
import { csvQuery } from '../exchange/schema.ts';
import { comparisonSchema, getComparison } from './comparison.ts';
import {
  contentTypes,
  exportNetworkFile,
  fileNames,
  type NetworkFile,
  type NetworkFileKind,
} from './export-service.ts';
import {
  comparisonQuery,
  csvExportQuery,
  exportQuery,
  networkQuery,
  networkSchema,
} from './schema.ts';
import { getNetworkJson } from './service.ts';

const toJson = (n: z.infer<typeof networkSchema>) => JSON.stringify(networkSchema.parse(n));

const visible =
  'Only ties whose two actors the caller may see, running on the day. Tension and obstruction ties are edges with inMetrics=false and are left out of the metrics, unless type asks for exactly them.';

const fileResponse = (kind: NetworkFileKind, what: string) => ({
  description: what,
  content: { [contentTypes[kind].split(';')[0]!]: { schema: z.string() } },
});

const described: Record<NetworkFileKind, { summary: string; description: string }> = {
  gexf: {
    summary: 'The network as GEXF 1.3 (Gephi)',
    description:
      'Validates against the GEXF 1.3 schema; mutual ties are edges of type "mutual", the tie type is the edge kind, the intensity level its weight. Columns as in the codebook.',
  },
  graphml: {
    summary: 'The network as GraphML (networkx, igraph)',
    description:
      'A directed graph, one edge per tie; the data key "directed" is false for mutual ties. Columns as in the codebook.',
  },
  nodes: {
    summary: 'The network’s nodes with their metrics as CSV',
    description: 'UTF-8 with BOM, RFC 4180; columns described by network-codebook.csv.',
  },
  edges: {
    summary: 'The network’s ties as CSV',
    description: 'UTF-8 with BOM, RFC 4180; columns described by network-codebook.csv.',
  },
  codebook: {
    summary: 'The codebook of the network CSV files',
    description:
      'One row per column of network-nodes.csv and network-edges.csv: file, column, type, description.',
  },
};

const pseudonymNote =
  ' With pseudonymise=true (always for researchers) persons get stable pseudonyms (P-…) instead of their id and name, and tie ids become T-…; organisations keep theirs. Every export is audited.';

export function networkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Network'];
  const W = '/api/v1/workspaces/:workspaceSlug';

  r.get(`${W}/network`, {
    config: { policy: policy.workspace('network.read') },
    schema: {
      tags,
      operationId: 'getNetwork',
      summary: 'The collaboration network as of a day, with node and network metrics',
      description: `${visible} A directed graph: a mutual tie is an arc each way; tie weight is the intensity (awareness 1 … integrated 4). Normalisations as networkx (see docs/api.md). Unknown area or domain, or a term that is not a domain: 400 listing every error.`,
      params: workspaceParams,
      querystring: networkQuery,
      response: { 200: networkSchema, ...problems() },
    },
    handler: async (request, reply) =>
      sendJson(
        request,
        reply,
        await getNetworkJson(ctx, request.actor, requireWorkspace(request), request.query, toJson),
      ),
  });

  r.get(`${W}/network/comparison`, {
    config: { policy: policy.workspace('network.read') },
    schema: {
      tags,
      operationId: 'compareNetwork',
      summary: 'Per-node and network deltas between the network on two days',
      description: `${visible} Deltas are to − from of each day's own (normalised) values; nodes in one day only have presence before or after. from after to: 400.`,
      params: workspaceParams,
      querystring: comparisonQuery,
      response: { 200: comparisonSchema, ...problems() },
    },
    handler: (request) =>
      getComparison(ctx, request.actor, requireWorkspace(request), request.query),
  });

  const send = (reply: FastifyReply, file: NetworkFile) =>
    reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${file.filename}"`)
      .send(file.body);

  for (const kind of ['gexf', 'graphml', 'nodes', 'edges', 'codebook'] as const) {
    const csv = kind === 'nodes' || kind === 'edges';
    r.get(`${W}/exports/${fileNames[kind]}`, {
      config: { policy: policy.workspace('network.export') },
      schema: {
        tags,
        operationId: `exportNetwork${kind[0]!.toUpperCase()}${kind.slice(1)}`,
        summary: described[kind].summary,
        description: `${described[kind].description}${kind === 'codebook' ? '' : ` ${visible}${pseudonymNote}`}`,
        params: workspaceParams,
        querystring: kind === 'codebook' ? csvQuery : csv ? csvExportQuery : exportQuery,
        response: { 200: fileResponse(kind, described[kind].summary), ...problems() },
      },
      handler: async (request, reply) => {
        const q = request.query as z.infer<typeof csvExportQuery>;
        const file = await exportNetworkFile(ctx, request.actor, requireWorkspace(request), kind, {
          ...q,
          pseudonymise: q.pseudonymise === 'true',
        });
        return send(reply, file);
      },
    });
  }
}

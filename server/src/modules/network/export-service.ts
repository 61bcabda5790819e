import { assertCan, roleIn } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { TieType, Workspace } from '../../db/types.ts';
import { audit } from '../audit/service.ts';
import { delimiters, type DelimiterName } from '../exchange/csv.ts';
import { codebookCsv, edgesCsv, nodesCsv, toGexf, toGraphml } from './formats.ts';
import { pseudonymise, pseudonymKey } from './pseudonyms.ts';
import { checkQuery, networkAsOf, todayUtc } from './service.ts';

// Network exports (issue 4, item 5), for the API and the CLI alike: the cached network of a day,
// pseudonymised when asked (always for researchers), in one of five files, each export audited.

export const networkFiles = ['gexf', 'graphml', 'nodes', 'edges', 'codebook'] as const;
export type NetworkFileKind = (typeof networkFiles)[number];

export const fileNames: Record<NetworkFileKind, string> = {
  gexf: 'network.gexf',
  graphml: 'network.graphml',
  nodes: 'network-nodes.csv',
  edges: 'network-edges.csv',
  codebook: 'network-codebook.csv',
};

export const contentTypes: Record<NetworkFileKind, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  nodes: 'text/csv; charset=utf-8',
  edges: 'text/csv; charset=utf-8',
  codebook: 'text/csv; charset=utf-8',
};

export interface NetworkExportOptions {
  asOf?: string | undefined;
  round?: string | undefined;
  areaId?: string | undefined;
  domainId?: string | undefined;
  type?: TieType | undefined;
  pseudonymise?: boolean | undefined;
  delimiter?: DelimiterName | undefined;
}

export interface NetworkFile {
  filename: string;
  contentType: string;
  body: string;
  pseudonymised: boolean;
}

/** Researchers get pseudonymised exports whatever they ask: their exports are for research. */
export const mustPseudonymise = (actor: Actor, workspaceId: string) =>
  roleIn(actor, workspaceId) === 'researcher';

export async function exportNetworkFile(
  ctx: AppContext,
  actor: Actor,
  ws: Pick<Workspace, 'id' | 'slug' | 'directory_version'>,
  kind: NetworkFileKind,
  opts: NetworkExportOptions,
): Promise<NetworkFile> {
  assertCan(actor, 'network.export', ws.id);
  const delimiter = delimiters[opts.delimiter ?? 'semicolon'];
  let asOf = opts.asOf ?? todayUtc(ctx);
  const pseudo = opts.pseudonymise === true || mustPseudonymise(actor, ws.id);
  let body: string;
  if (kind === 'codebook') {
    body = codebookCsv(delimiter);
  } else {
    const checked = await checkQuery(ctx, actor, ws.id, {
      asOf: opts.asOf,
      round: opts.round,
      areaId: opts.areaId,
      domainId: opts.domainId,
      type: opts.type,
    });
    const f = checked.f;
    asOf = checked.day;
    const raw = await networkAsOf(ctx, actor, ws, asOf, f);
    const network = pseudo ? pseudonymise(raw, pseudonymKey(ctx.config.sessionSecret)) : raw;
    const meta = {
      pseudonymised: pseudo,
      description: `Wijkdragers collaboration network of ${ws.slug} ${f.round ? ` in survey round ${f.round.id}` : ''} as of ${asOf}${
        f.type ? `, ties of type ${f.type}` : ''
      }${pseudo ? '; persons pseudonymised' : ''}`,
    };
    body =
      kind === 'gexf'
        ? toGexf(network, meta)
        : kind === 'graphml'
          ? toGraphml(network, meta)
          : kind === 'nodes'
            ? nodesCsv(network, meta, delimiter)
            : edgesCsv(network, delimiter);
  }
  await audit(ctx, {
    action: 'export',
    result: 'ok',
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    workspaceId: ws.id,
    objectType: `network.${kind}${pseudo ? '.pseudonymised' : ''}`,
  });
  const [stem, ext] = fileNames[kind].split('.') as [string, string];
  return {
    filename: `wijkdragers-${ws.slug}-${stem}-${asOf}.${ext}`,
    contentType: contentTypes[kind],
    body,
    pseudonymised: pseudo,
  };
}

import {
  indexGraph,
  partnerScores,
  snapshotMetrics,
  snapshotMetricsSync,
  type SnapshotGraph,
  type SnapshotMetrics,
} from '../../analytics/network/index.ts';
import { assertCan, can } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { TieIntensity, TieType, Workspace } from '../../db/types.ts';
import type { FieldError } from '../../http/problem.ts';
import { findArea, subAreas } from '../directory/repo.ts';
import { assertNoErrors, queryError, termErrors } from '../directory/service.ts';
import { FinishedJson } from '../../http/send-json.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { knownTerms } from '../records/repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { allTies, type TieRow } from '../ties/repo.ts';
import { actorViewer } from '../ties/service.ts';
import { actorIdsInDomain, nodeActors } from './repo.ts';
import { roundSnapshot, type RoundSnapshot } from './round.ts';
import type { Network, NetworkEdge, NetworkFilter, NetworkNode, NetworkQuery } from './schema.ts';

// The collaboration network as of a day: the recorded ties the caller may see (both actors
// visible) that run on that day, as nodes and edges with every metric of analytics/network.
// Survey ties are not recorded ties: they make up the snapshot of their round (`round`, see
// round.ts), never the network of a day.

/** PARTNER's levels as tie weights: awareness 1, cooperative 2, coordinated 3, integrated 4. */
export const INTENSITY_WEIGHT: Record<TieIntensity, number> = {
  awareness: 1,
  cooperative: 2,
  coordinated: 3,
  integrated: 4,
};

/** Shown as edges but not measured, unless `type` asks for exactly them: a tense or obstructing
 * tie is not a path of cooperation, and counting it would raise density and centrality. */
export const CONFLICT_TYPES: readonly TieType[] = ['tension', 'obstruction'];

/** Below this many nodes the metrics run in the calling thread (a worker costs ~30 ms). */
const WORKERS_ABOVE = 2000;

/**
 * A node's trust (value) is shown only when at least this many different respondents rated it:
 * with fewer, the mean is (nearly) one person's answer, visible to everyone who reads the network.
 */
export const MIN_RATERS = 5;

/** Metrics with, per node, how many respondents rated it (null outside a survey round). */
export type RatedMetrics = Omit<SnapshotMetrics, 'nodes'> & {
  nodes: (SnapshotMetrics['nodes'][number] & { raters: number | null })[];
};

/**
 * Small-cell suppression of PARTNER's trust and value (analytics/network/partner.ts keeps its
 * networkx-checked meaning): a node score with fewer than `minRaters` raters becomes null, and
 * the network score is the mean over the nodes that kept theirs. `minRaters` 1 keeps every score
 * (what the round's managers see, see `fullScores`).
 */
export function suppressSmallCells(
  graph: SnapshotGraph,
  metrics: SnapshotMetrics,
  minRaters = MIN_RATERS,
): RatedMetrics {
  if (!graph.ratings?.length)
    return { ...metrics, nodes: metrics.nodes.map((m) => ({ ...m, raters: null })) };
  const g = indexGraph(graph);
  const p = partnerScores(g);
  const mean = (xs: (number | null)[]) => {
    const ys = xs.filter((x): x is number => x !== null);
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : null;
  };
  const nodes = metrics.nodes.map((m) => {
    const v = g.index.get(m.id)!;
    return {
      ...m,
      trust: p.trustRaters[v]! >= minRaters ? m.trust : null,
      value: p.valueRaters[v]! >= minRaters ? m.value : null,
      raters: Math.max(p.trustRaters[v]!, p.valueRaters[v]!),
    };
  });
  return {
    nodes,
    network: {
      ...metrics.network,
      trust: mean(nodes.map((m) => m.trust)),
      value: mean(nodes.map((m) => m.value)),
    },
  };
}

export const todayUtc = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10);

export interface CheckedFilter extends NetworkFilter {
  /** The area and its sub-areas, when an area was asked for. */
  areaIds: string[] | undefined;
  /** A closed survey round: its snapshot instead of the recorded ties. */
  round?: RoundSnapshot | undefined;
  /**
   * Every trust and value score of the round, however few raters (the round's managers, as in
   * PARTNER, where the administrators see every score); otherwise scores need MIN_RATERS.
   */
  fullScores?: boolean | undefined;
}

/**
 * Whether the caller sees a round's trust and value unsuppressed: those who run survey rounds
 * (`surveys.manage`: coordinators and admins) see every score with its number of raters, like
 * PARTNER's administrators, to follow up with the partners; everyone else sees a score only when
 * at least MIN_RATERS members rated the actor. Exports always suppress (files leave the platform).
 */
export const seesFullScores = (actor: Actor, workspaceId: string) =>
  can(actor, 'surveys.manage', workspaceId);

/**
 * Checks the references of a query and throws one 400 listing every error: an unknown area, an
 * unknown term or one that is not a domain, and (comparisons) `from` after `to`.
 */
export async function checkFilter(
  ctx: AppContext,
  workspaceId: string,
  q: NetworkFilter,
  period?: { from: string; to: string },
): Promise<CheckedFilter> {
  const errors: FieldError[] = [];
  if (period && period.from > period.to)
    errors.push(queryError('/to', 'before_from', 'to is before from.'));
  const [area, terms] = await Promise.all([
    q.areaId ? findArea(ctx.db, workspaceId, q.areaId) : undefined,
    knownTerms(ctx.db, workspaceId, q.domainId ? [q.domainId] : []),
  ]);
  if (q.areaId && !area)
    errors.push(queryError('/areaId', 'unknown_area', 'No such area in this workspace.'));
  errors.push(...termErrors(terms, [{ pointer: '/domainId', id: q.domainId, kind: 'domain' }]));
  assertNoErrors(errors, `The query has ${errors.length} error(s).`);
  const areaIds = area
    ? [area.id, ...(await subAreas(ctx.db, workspaceId, area)).map((a) => a.id)]
    : undefined;
  return { ...q, areaIds };
}

const measured = (tie: TieRow, type: TieType | undefined) =>
  type !== undefined || !CONFLICT_TYPES.includes(tie.type);

/** Builds and measures the network of one day (uncached; see `networkAsOf`). */
export async function buildNetwork(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  asOf: string,
  f: CheckedFilter,
): Promise<Network> {
  let ties = await allTies(ctx.db, workspaceId, {
    type: f.type,
    activeOn: asOf,
    areaIds: f.areaIds,
    viewer: actorViewer(actor, workspaceId),
  });
  const round = f.round;
  ties = ties.filter((t) => (round ? t.survey_round_id === round.id : t.source !== 'survey'));
  if (f.domainId) {
    const inDomain = await actorIdsInDomain(ctx.db, workspaceId, f.domainId);
    ties = ties.filter((t) => inDomain.has(t.from_actor_id) || inDomain.has(t.to_actor_id));
  }
  const actors = await nodeActors(ctx.db, workspaceId, [
    ...ties.flatMap((t) => [t.from_actor_id, t.to_actor_id]),
    ...(round?.memberIds ?? []),
  ]);
  // Sorted ids: Louvain's community numbers follow the node order, so they stay the same.
  const ids = [...actors.keys()].sort();
  const graph: SnapshotGraph = {
    directed: true,
    nodes: ids.map((id) => {
      const a = actors.get(id)!;
      return { id, kind: a.kind, ...(a.size_class ? { sizeClass: a.size_class } : {}) };
    }),
    // A mutual tie is an arc each way; parallel ties between a pair merge (weights add up).
    edges: ties
      .filter((t) => measured(t, f.type))
      .flatMap((t) => {
        const weight = INTENSITY_WEIGHT[t.intensity];
        const arc = { source: t.from_actor_id, target: t.to_actor_id, weight };
        return Number(t.directed) === 1
          ? [arc]
          : [arc, { source: arc.target, target: arc.source, weight }];
      }),
    ...(round
      ? { ratings: round.ratings.filter((r) => actors.has(r.rater) && actors.has(r.ratee)) }
      : {}),
  };
  const metrics = suppressSmallCells(
    graph,
    ids.length > WORKERS_ABOVE ? await snapshotMetrics(graph) : snapshotMetricsSync(graph),
    f.fullScores ? 1 : MIN_RATERS,
  );
  const nodes: NetworkNode[] = metrics.nodes.map((m) => {
    const a = actors.get(m.id)!;
    return {
      ...m,
      label: a.name,
      kind: a.kind,
      orgKind: a.org_kind,
      sizeClass: a.size_class,
    };
  });
  const edges: NetworkEdge[] = ties.map((t) => ({
    id: t.id,
    source: t.from_actor_id,
    target: t.to_actor_id,
    type: t.type,
    directed: Number(t.directed) === 1,
    intensity: t.intensity,
    weight: INTENSITY_WEIGHT[t.intensity],
    startDate: t.start_date,
    endDate: t.end_date,
    inMetrics: measured(t, f.type),
  }));
  return {
    asOf,
    roundId: round?.id ?? null,
    areaId: f.areaId ?? null,
    domainId: f.domainId ?? null,
    type: f.type ?? null,
    nodes,
    edges,
    network: metrics.network,
  };
}

/** Coordinators and admins see every actor and share entries; other members get their own. */
function viewerKey(actor: Actor, workspaceId: string): string {
  const viewer = viewerOf(actor, workspaceId);
  if (viewer.seesPrivate) return 'all';
  return viewer.member ? `member:${viewer.userId ?? ''}` : 'public';
}

/** Through the read cache (readers arriving during a computation share it). */
const cached = <T>(ctx: AppContext, key: string, compute: () => Promise<T>): Promise<T> =>
  readCacheFor(ctx.db).get(key, compute);

type Ws = Pick<Workspace, 'id' | 'directory_version'>;

const keyOf = (actor: Actor, ws: Ws, asOf: string, f: NetworkFilter) =>
  [
    ws.id,
    ws.directory_version,
    viewerKey(actor, ws.id),
    'network',
    asOf,
    f.areaId ?? '',
    f.domainId ?? '',
    f.type ?? '',
    (f as Partial<CheckedFilter>).round?.id ?? '',
    (f as Partial<CheckedFilter>).fullScores ? 'full' : '',
  ].join(':');

/**
 * The network of a checked filter through the read cache (records/read-cache.ts). The key holds
 * the workspace's `directory_version` — raised in the writing transaction by every tie write
 * (ties/service.ts) and every write to actors, areas and terms — and what the viewer may see, so
 * a changed workspace misses in every process and nobody gets an answer made for other eyes.
 */
export function networkAsOf(
  ctx: AppContext,
  actor: Actor,
  ws: Ws,
  asOf: string,
  f: CheckedFilter,
): Promise<Network> {
  return cached(ctx, keyOf(actor, ws, asOf, f), () => buildNetwork(ctx, actor, ws.id, asOf, f));
}

/** `GET …/network`: checks the permission and the query, then the cached network. */
export async function getNetwork(
  ctx: AppContext,
  actor: Actor,
  ws: Ws,
  q: NetworkQuery,
): Promise<Network> {
  assertCan(actor, 'network.read', ws.id);
  const { f, day } = await checkQuery(ctx, actor, ws.id, q);
  return networkAsOf(ctx, actor, ws, day, { ...f, fullScores: seesFullScores(actor, ws.id) });
}

/** The checked filter and the day: the round's snapshot day with `round`, else asOf or today. */
export async function checkQuery(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: NetworkQuery,
): Promise<{ f: CheckedFilter; day: string }> {
  const { asOf, round: roundId, ...filter } = q;
  const f = await checkFilter(ctx, workspaceId, filter);
  if (!roundId) return { f, day: asOf ?? todayUtc(ctx) };
  const round = await roundSnapshot(ctx, actor, workspaceId, roundId);
  return { f: { ...f, round }, day: round.day };
}

/** The same as finished JSON text made by `toJson` (cached too: a hit skips serialising). */
export async function getNetworkJson(
  ctx: AppContext,
  actor: Actor,
  ws: Ws,
  q: NetworkQuery,
  toJson: (n: Network) => string,
): Promise<FinishedJson> {
  assertCan(actor, 'network.read', ws.id);
  const fullScores = seesFullScores(actor, ws.id);
  // A repeated question skips checking it: the answer to exactly this query (as asked, before
  // its lookups) for this viewer and workspace version is kept. Only answers are kept — a query
  // that fails its checks throws before anything is cached, and is checked again next time.
  const asked = [
    ws.id,
    ws.directory_version,
    viewerKey(actor, ws.id),
    fullScores ? 'full' : '',
    'network-asked',
    q.asOf ?? todayUtc(ctx),
    q.areaId ?? '',
    q.domainId ?? '',
    q.type ?? '',
    q.round ?? '',
  ].join(':');
  return cached(ctx, asked, async () => {
    const { f, day } = await checkQuery(ctx, actor, ws.id, q);
    const full = { ...f, fullScores };
    return new FinishedJson(toJson(await networkAsOf(ctx, actor, ws, day, full)));
  });
}

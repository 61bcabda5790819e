import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { FinishedJson } from '../../http/send-json.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { seesAll, userIdOfActor } from './access.ts';
import { ensureDetected } from './detect.ts';
import { summaryOf } from './dto.ts';
import { decodeExplanation, type Explanation } from './explanation.ts';
import { loadActors, type ActorInfo } from './input.ts';
import { allSignals, type SignalRow } from './repo.ts';
import type { SignalListQuery, SignalSummary } from './schema.ts';

// The signal list, served from the read cache (records/read-cache.ts) as finished JSON
// (http/send-json.ts), like the funding dashboard. Two levels, both keyed on the workspace's
// directory_version (read with the session: actors' names and visibility, areas) and its
// signals_version (overlap_settings: raised by every detection that changed something and every
// transition): the workspace's signal index (every signal, parsed once), and each finished page
// per viewer and query. A hit costs no query: the workspace row authentication read carries the
// signals version and the directory version detection last read (copied there from
// overlap_settings, repo.ts); when the directory changed since, detection runs first
// (`ensureDetected`).
// Errors (an unknown area) are never cached.

interface IndexedSignal {
  row: SignalRow;
  explanation: Explanation;
  areaIds: ReadonlySet<string>;
  partyUserIds: readonly (string | null)[];
}

interface SignalIndex {
  signals: IndexedSignal[];
  actors: Map<string, ActorInfo>;
}

async function buildIndex(ctx: AppContext, workspaceId: string): Promise<SignalIndex> {
  const [rows, actorList] = await Promise.all([
    allSignals(ctx.db, workspaceId),
    loadActors(ctx.db, workspaceId),
  ]);
  const actors = new Map(actorList.map((a) => [a.id, a]));
  const signals = rows.map((row): IndexedSignal => {
    const explanation = decodeExplanation(row.explanation);
    return {
      row,
      explanation,
      areaIds: new Set(explanation.cells.map((c) => c.areaId)),
      partyUserIds: [
        actors.get(row.actor_a_id)?.userId ?? null,
        actors.get(row.actor_b_id)?.userId ?? null,
      ],
    };
  });
  signals.sort((x, y) => Number(y.row.score) - Number(x.row.score) || cmp(x.row.id, y.row.id));
  return { signals, actors };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Filter = Omit<SignalListQuery, 'page' | 'pageSize'>;

function select(index: SignalIndex, viewerId: string | null, q: Filter, areas?: Set<string>) {
  return index.signals.filter(
    (s) =>
      (viewerId === null || s.partyUserIds.includes(viewerId)) &&
      (q.includeStale === 'true' || s.row.stale_at === null) &&
      (q.state === undefined || s.row.state === q.state) &&
      (q.actorId === undefined ||
        s.row.actor_a_id === q.actorId ||
        s.row.actor_b_id === q.actorId) &&
      (areas === undefined || [...s.areaIds].some((a) => areas.has(a))),
  );
}

/** The page of signals the caller may see, as finished JSON. */
export async function cachedSignalListJson(
  ctx: AppContext,
  actor: Actor,
  ws: Workspace,
  q: SignalListQuery,
  toJson: (page: { items: SignalSummary[]; total: number }) => string,
): Promise<{ json: FinishedJson; total: number }> {
  assertCan(actor, 'signals.read', ws.id);
  const signalsVersion = await ensureDetected(ctx, ws);
  const version = `${ws.id}:${ws.directory_version}:${signalsVersion}`;
  // null: sees every signal; else only the signals whose party the user is.
  const viewerId = seesAll(actor, ws.id) ? null : (userIdOfActor(actor) ?? '-');
  const { page, pageSize, ...filter } = q;
  const key = [
    version,
    'signals',
    viewerId ?? 'all',
    filter.state ?? '',
    filter.actorId ?? '',
    filter.areaId ?? '',
    filter.includeStale ?? '',
    page,
    pageSize,
  ].join(':');
  const cache = readCacheFor(ctx.db);
  return cache.get(key, async () => {
    const index = await cache.get(`${version}:signal-index`, () => buildIndex(ctx, ws.id));
    const areaIds = await areaAndSubAreas(ctx.db, ws.id, filter.areaId);
    const matching = select(index, viewerId, filter, areaIds ? new Set(areaIds) : undefined);
    const offset = (page - 1) * pageSize;
    const items = matching
      .slice(offset, offset + pageSize)
      .map((s) => summaryOf(actor, ws.id, s.row, index.actors, s.explanation));
    return {
      json: new FinishedJson(toJson({ items, total: matching.length })),
      total: matching.length,
    };
  });
}

import {
  DEFAULT_THRESHOLD,
  detectOverlaps,
  type OverlapDetection,
} from '../../analytics/overlap/index.ts';
import { nowIso, type AppContext } from '../../context.ts';
import type { Workspace } from '../../db/types.ts';
import { clearChanges, pendingChanges, type PendingChanges } from './changes-repo.ts';
import { loadOverlapInput, loadOverlapInputAround } from './input.ts';
import { workspaceState } from './input-repo.ts';
import { EMPTY, reconcile, type DetectionSummary } from './reconcile.ts';
import {
  coordinatorIds,
  ensureSettings,
  findSettings,
  lockSettings,
  setSettings,
  signalsToReconcile,
  workspacesToDetect,
  yieldToLoop,
  type SettingsRow,
} from './repo.ts';

export { COORDINATOR_SUMMARY_ABOVE, type DetectionSummary } from './reconcile.ts';

// Detection kept current. `detectSignals` reads the workspace (one query per input kind), runs
// the pure detection (analytics/overlap/detect.ts) and brings the stored signals in line in one
// transaction (reconcile.ts). It runs lazily when a reader finds the directory changed since the
// last run (`ensureDetected`, one run in flight per workspace and process; across processes the
// settings row lock serialises them) and from the scheduled job.
//
// Most runs are incremental: the database's triggers record which actors' facts changed
// (migration 0022, changes-repo.ts), and a pair's facts come only from its two actors (their
// activities in the cells both work in, their ties, their funders, their sizes), so re-scoring
// every pair that names a changed actor, with just the activities in those actors' cells, gives
// what a full run would. A full run re-scores everything: the first run of a day (open-ended
// activities and ties run on, so day-dependent facts move for everyone), after a threshold
// change, and when more than INCREMENTAL_MAX_ACTORS actors changed (an import, the demo seed).

/** Above this many changed actors a run re-scores the whole workspace (it is then cheaper). */
export const INCREMENTAL_MAX_ACTORS = 500;

/**
 * Detects the workspace's signals now and stores the result. The function to time for the
 * issue's targets (≤ 200 ms per municipality, < 2 s national, both databases): bench/overlap.ts
 * times it from the database, incremental and full.
 */
export async function detectSignals(
  ctx: AppContext,
  workspaceId: string,
): Promise<DetectionSummary> {
  const now = nowIso(ctx);
  const today = now.slice(0, 10);
  await ensureSettings(ctx.db, workspaceId, now);
  const { slug, version } = await workspaceState(ctx.db, workspaceId);
  const before = (await findSettings(ctx.db, workspaceId))!;
  if (isCurrent(before, version, today)) return EMPTY;
  const changes = await pendingChanges(ctx.db, workspaceId);
  const changed = incrementalScope(before, today, changes);
  const input = changed
    ? await loadOverlapInputAround(ctx.db, workspaceId, today, changed)
    : await loadOverlapInput(ctx.db, workspaceId, today);
  // A full run holds the thread for each step (on SQLite the reads too): let requests through
  // in between, so none waits for the whole run.
  await yieldToLoop();
  const threshold = before.threshold ?? DEFAULT_THRESHOLD;
  const found = detectOverlaps(input, { threshold, asOf: today });
  await yieldToLoop();
  const inScope = changed ? signalsNaming(found, new Set(changed)) : undefined;
  const users = new Map(input.actors.map((a) => [a.id, a.userId]));

  return ctx.db.transaction().execute(async (trx) => {
    const settings = await lockSettings(trx, workspaceId);
    // Another run (another process) stored this version today already.
    if (isCurrent(settings, version, today))
      return { ...EMPTY, found: inScope?.length ?? found.signals.length };
    // Another run stored its result, or the threshold changed, since this one read the settings:
    // this run's basis is gone. Its change rows stay; the next read or job run detects again.
    if (
      settings.detected_version !== before.detected_version ||
      settings.detected_at !== before.detected_at ||
      settings.threshold !== before.threshold
    )
      return EMPTY;
    const coordinators = await coordinatorIds(trx, workspaceId);
    const existing = await signalsToReconcile(trx, workspaceId, changed);
    await yieldToLoop();
    const summary = await reconcile(trx, {
      workspaceId,
      slug,
      now,
      found,
      inScope,
      existing,
      notice: (signalId, a, b) => ({
        workspaceId,
        slug,
        signalId,
        partyUserIds: [users.get(a) ?? null, users.get(b) ?? null],
        coordinatorIds: coordinators,
        byUserId: null,
      }),
    });
    await clearChanges(trx, workspaceId, changes.ranges);
    const wrote = summary.created + summary.updated + summary.reopened + summary.staled > 0;
    await setSettings(trx, workspaceId, { detected_version: version, detected_at: now }, wrote);
    return { ...summary, incremental: changed !== undefined };
  });
}

/**
 * The actors to re-score when an incremental run gives what a full run would; undefined for a
 * full run: never detected, the threshold changed (detected_version cleared), not yet today, or
 * too many changed actors.
 */
function incrementalScope(
  s: SettingsRow,
  today: string,
  changes: PendingChanges,
): string[] | undefined {
  if (s.detected_version === null || s.detected_at === null) return undefined;
  if (s.detected_at.slice(0, 10) !== today) return undefined;
  if (changes.actorIds.size > INCREMENTAL_MAX_ACTORS) return undefined;
  return [...changes.actorIds].sort();
}

/** Indices of the result's signals that name one of `actors`. */
function signalsNaming(found: OverlapDetection, actors: ReadonlySet<string>): number[] {
  const out: number[] = [];
  found.signals.forEach((s, k) => {
    if (actors.has(s.actorIds[0]) || actors.has(s.actorIds[1])) out.push(k);
  });
  return out;
}

const isCurrent = (s: SettingsRow, version: number, today: string) =>
  s.detected_version !== null &&
  Number(s.detected_version) === version &&
  s.detected_at !== null &&
  s.detected_at.slice(0, 10) >= today;

const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

/** What the caller knows of the workspace: authentication reads these columns with the session. */
export type DetectedWorkspace = Pick<
  Workspace,
  'id' | 'directory_version' | 'signals_version' | 'signals_detected_version'
>;

/**
 * The workspace's signals version once detection is current: re-detects first when the
 * directory changed since the last run (or it never ran). When the workspace row the caller
 * holds already says detection is current, this costs no query. One run in flight per workspace
 * in this process: readers arriving meanwhile wait for it.
 */
export async function ensureDetected(ctx: AppContext, ws: DetectedWorkspace): Promise<number> {
  // Versions only grow: a run that read a newer version than the caller's covers it too.
  const covers = (detected: number | null) =>
    detected !== null && Number(detected) >= Number(ws.directory_version);
  if (covers(ws.signals_detected_version)) return Number(ws.signals_version);
  const settings = await findSettings(ctx.db, ws.id);
  if (settings && covers(settings.detected_version)) return Number(settings.signals_version);
  let running = inFlight.get(ctx.db);
  if (!running) inFlight.set(ctx.db, (running = new Map()));
  let run = running.get(ws.id);
  if (!run) {
    const mine = running;
    run = detectSignals(ctx, ws.id).finally(() => mine.delete(ws.id));
    running.set(ws.id, run);
  }
  await run;
  return Number((await findSettings(ctx.db, ws.id))!.signals_version);
}

/**
 * The scheduled `overlap-detection` job: every workspace whose directory changed since its last
 * detection, or whose signals were not detected today (running activities' overlap grows daily).
 */
export async function detectChangedWorkspaces(ctx: AppContext): Promise<number> {
  const today = nowIso(ctx).slice(0, 10);
  const due = await workspacesToDetect(ctx.db, today);
  for (const w of due) await detectSignals(ctx, w.id);
  return due.length;
}

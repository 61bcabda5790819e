import { newId } from '../../auth/crypto.ts';
import {
  DEFAULT_THRESHOLD,
  detectOverlaps,
  materialChanges,
  type OverlapDetection,
} from '../../analytics/overlap/index.ts';
import { decideTransition } from '../../analytics/overlap/lifecycle.ts';
import { nowIso, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Workspace } from '../../db/types.ts';
import { parseSnapshot } from './explanation.ts';
import { loadOverlapInput } from './input.ts';
import { workspaceState } from './input-repo.ts';
import { notify } from '../notifications/service.ts';
import { notifySignals, signalsPath, type SignalNotice } from './notify.ts';
import {
  coordinatorIds,
  ensureSettings,
  findSettings,
  insertEvents,
  insertSignals,
  lastEventSeq,
  lockSettings,
  markStale,
  setSettings,
  signalsToReconcile,
  updateSignal,
  workspacesToDetect,
  type NewSignal,
  type ReconcileRow,
  type SettingsRow,
} from './repo.ts';

// Detection kept current. `detectSignals` reads the workspace (one query per input kind), runs
// the pure detection (analytics/overlap/detect.ts) and brings the stored signals in line in one
// transaction: new pairs become `open`; known pairs keep their state and get the new facts (a
// dismissed one reopens when its facts changed materially, with the reason in its history);
// pairs that no longer overlap are marked stale, never deleted. It runs lazily when a reader finds
// the directory changed since the last run (`ensureDetected`, one run in flight per workspace and
// process; across processes the settings row lock serialises them) and from the scheduled job.

export interface DetectionSummary {
  created: number;
  updated: number;
  reopened: number;
  staled: number;
  /** Signals found by the pure detection (at or above the threshold). */
  found: number;
}

const EMPTY: DetectionSummary = { created: 0, updated: 0, reopened: 0, staled: 0, found: 0 };

const pairKey = (a: string, b: string) => `${a}|${b}`;

/**
 * Detects the workspace's signals now and stores the result. The function to time for the
 * issue's targets (≤ 200 ms per municipality, < 2 s national, both databases).
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
  const input = await loadOverlapInput(ctx.db, workspaceId, today);
  const threshold = before.threshold ?? DEFAULT_THRESHOLD;
  const found = detectOverlaps(input, { threshold, asOf: today });
  const users = new Map(input.actors.map((a) => [a.id, a.userId]));

  return ctx.db.transaction().execute(async (trx) => {
    const settings = await lockSettings(trx, workspaceId);
    // Another run (another process) stored this version today already.
    if (isCurrent(settings, version, today)) return { ...EMPTY, found: found.signals.length };
    const coordinators = await coordinatorIds(trx, workspaceId);
    const summary = await reconcile(trx, {
      workspaceId,
      slug,
      now,
      found,
      existing: await signalsToReconcile(trx, workspaceId),
      notice: (signalId, a, b) => ({
        workspaceId,
        slug,
        signalId,
        partyUserIds: [users.get(a) ?? null, users.get(b) ?? null],
        coordinatorIds: coordinators,
        byUserId: null,
      }),
    });
    const changed = summary.created + summary.updated + summary.reopened + summary.staled > 0;
    // A threshold changed meanwhile: leave the version unrecorded, so the next read runs again.
    const sameThreshold = settings.threshold === before.threshold;
    await setSettings(
      trx,
      workspaceId,
      sameThreshold ? { detected_version: version, detected_at: now } : { detected_at: now },
      changed,
    );
    return summary;
  });
}

const isCurrent = (s: SettingsRow, version: number, today: string) =>
  s.detected_version !== null &&
  Number(s.detected_version) === version &&
  s.detected_at !== null &&
  s.detected_at.slice(0, 10) >= today;

interface Reconcile {
  workspaceId: string;
  slug: string;
  now: string;
  found: OverlapDetection;
  existing: readonly ReconcileRow[];
  notice: (
    signalId: string,
    a: string,
    b: string,
  ) => Omit<SignalNotice, 'from' | 'to' | 'score' | 'at'>;
}

async function reconcile(db: Db, r: Reconcile): Promise<DetectionSummary> {
  const { workspaceId, now } = r;
  const byPair = new Map(r.existing.map((s) => [pairKey(s.actor_a_id, s.actor_b_id), s]));
  const seen = new Set<string>();
  const inserts: NewSignal[] = [];
  const events: Parameters<typeof insertEvents>[1][number][] = [];
  const notices: SignalNotice[] = [];
  const out = { ...EMPTY, found: r.found.signals.length };
  const event = (
    signalId: string,
    e: Omit<
      (typeof events)[number],
      'id' | 'workspace_id' | 'signal_id' | 'created_at' | 'user_id' | 'alliance_id' | 'seq'
    >,
  ) =>
    events.push({
      id: newId(),
      workspace_id: workspaceId,
      signal_id: signalId,
      user_id: null,
      alliance_id: null,
      created_at: now,
      seq: 0, // numbered below, per signal, in the order written
      ...e,
    });

  const found = r.found.signals;
  for (let k = 0; k < found.length; k++) {
    const s = found[k]!;
    const [a, b] = s.actorIds;
    const key = pairKey(a, b);
    seen.add(key);
    // The compact explanation, written straight from the detector's arrays (compact.ts).
    const explanation = r.found.explanationText(k);
    const old = byPair.get(key);
    if (old === undefined) {
      const id = newId();
      inserts.push({
        id,
        workspace_id: workspaceId,
        actor_a_id: a,
        actor_b_id: b,
        state: 'open',
        score: s.score,
        fingerprint: s.fingerprint,
        explanation,
        dismissed_snapshot: null,
        dismiss_reason: null,
        alliance_id: null,
        stale_at: null,
        first_detected_at: now,
        detected_at: now,
        updated_at: now,
      });
      event(id, { event: 'detected', from_state: null, to_state: 'open', reason: null });
      notices.push({ ...r.notice(id, a, b), from: null, to: 'open', score: s.score, at: now });
      out.created++;
      continue;
    }
    let state = old.state;
    let snapshot = old.dismissed_snapshot;
    if (old.stale_at !== null)
      event(old.id, { event: 'current', from_state: state, to_state: state, reason: null });
    const dismissed = state === 'dismissed' ? parseSnapshot(old.dismissed_snapshot) : null;
    const changes = dismissed ? materialChanges(dismissed, r.found.explain(k)) : [];
    if (changes.length > 0) {
      const reason = `material change: ${changes.join(', ')}`;
      if (decideTransition({ from: state, to: 'open', role: 'system', reason }).ok) {
        event(old.id, { event: 'reopened', from_state: state, to_state: 'open', reason });
        notices.push({
          ...r.notice(old.id, a, b),
          from: state,
          to: 'open',
          score: s.score,
          at: now,
        });
        state = 'open';
        snapshot = null;
        out.reopened++;
      }
    }
    const factsChanged =
      old.fingerprint !== s.fingerprint ||
      Number(old.score) !== s.score ||
      old.explanation !== explanation;
    if (!factsChanged && state === old.state && old.stale_at === null) continue;
    await updateSignal(db, workspaceId, old.id, {
      state,
      dismissed_snapshot: snapshot,
      ...(state !== old.state ? { dismiss_reason: null } : {}),
      score: s.score,
      fingerprint: s.fingerprint,
      explanation,
      stale_at: null,
      detected_at: now,
      updated_at: now,
    });
    if (state === old.state) out.updated++;
  }

  const gone = r.existing.filter(
    (s) => s.stale_at === null && !seen.has(pairKey(s.actor_a_id, s.actor_b_id)),
  );
  for (const s of gone)
    event(s.id, { event: 'stale', from_state: s.state, to_state: s.state, reason: null });
  out.staled = gone.length;

  await insertSignals(db, inserts);
  await markStale(
    db,
    workspaceId,
    gone.map((s) => s.id),
    now,
  );
  // Number the events after each signal's last one (new signals have none).
  const last = await lastEventSeq(
    db,
    workspaceId,
    events.filter((e) => e.event !== 'detected').map((e) => e.signal_id),
  );
  for (const e of events) {
    const seq = (last.get(e.signal_id) ?? 0) + 1;
    last.set(e.signal_id, seq);
    e.seq = seq;
  }
  await insertEvents(db, events);
  await notifyRun(db, r, notices);
  return out;
}

/**
 * Above this many new or reopened signals in one run (a workspace's first detection, a lower
 * threshold), coordinators get one summary notification instead of one per signal; the parties
 * still hear of each signal that names them.
 */
export const COORDINATOR_SUMMARY_ABOVE = 10;

async function notifyRun(db: Db, r: Reconcile, notices: SignalNotice[]) {
  const summarise = notices.length > COORDINATOR_SUMMARY_ABOVE;
  await notifySignals(db, summarise ? notices.map((n) => ({ ...n, coordinatorIds: [] })) : notices);
  const coordinators = summarise ? (notices[0]?.coordinatorIds ?? []) : [];
  if (coordinators.length > 0)
    await notify(db, {
      workspaceId: r.workspaceId,
      userIds: coordinators,
      kind: 'overlap_signals_detected',
      params: { count: notices.length },
      link: signalsPath(r.slug),
      createdAt: r.now,
    });
}

const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Re-detects when the workspace's directory changed since the last run (or it never ran). One
 * run in flight per workspace in this process: readers arriving meanwhile wait for it.
 */
export async function ensureDetected(
  ctx: AppContext,
  ws: Pick<Workspace, 'id' | 'directory_version'>,
): Promise<SettingsRow> {
  const settings = await findSettings(ctx.db, ws.id);
  // Versions only grow: a run that read a newer version than the caller's covers it too.
  if (
    settings?.detected_version != null &&
    Number(settings.detected_version) >= Number(ws.directory_version)
  )
    return settings;
  let running = inFlight.get(ctx.db);
  if (!running) inFlight.set(ctx.db, (running = new Map()));
  let run = running.get(ws.id);
  if (!run) {
    const mine = running;
    run = detectSignals(ctx, ws.id).finally(() => mine.delete(ws.id));
    running.set(ws.id, run);
  }
  await run;
  return (await findSettings(ctx.db, ws.id))!;
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

import { newId } from '../../auth/crypto.ts';
import { materialChanges, type OverlapDetection } from '../../analytics/overlap/index.ts';
import { decideTransition } from '../../analytics/overlap/lifecycle.ts';
import type { Db } from '../../db/dialect.ts';
import { notify } from '../notifications/service.ts';
import { parseSnapshot } from './explanation.ts';
import { notifySignals, signalsPath, type SignalNotice } from './notify.ts';
import {
  insertEvents,
  insertSignals,
  lastEventSeq,
  markStale,
  updateSignal,
  type NewSignal,
  type ReconcileRow,
} from './repo.ts';

// Bringing the stored signals in line with a detection's result, in the caller's transaction:
// new pairs become `open`; known pairs keep their state and get the new facts (a dismissed one
// reopens when its facts changed materially, with the reason in its history); pairs that no
// longer overlap are marked stale, never deleted. `existing` and the result cover the same pairs:
// the whole workspace, or (an incremental run) every pair naming a changed actor.

export interface DetectionSummary {
  created: number;
  updated: number;
  reopened: number;
  staled: number;
  /** Signals found by the pure detection (at or above the threshold), within the run's scope. */
  found: number;
  /** Whether the run re-scored only the pairs of the actors that changed (detect.ts). */
  incremental?: boolean;
}

export const EMPTY: DetectionSummary = { created: 0, updated: 0, reopened: 0, staled: 0, found: 0 };

const pairKey = (a: string, b: string) => `${a}|${b}`;

export interface Reconcile {
  workspaceId: string;
  slug: string;
  now: string;
  found: OverlapDetection;
  /** The result's signals to reconcile (by index); all when undefined. */
  inScope?: readonly number[] | undefined;
  existing: readonly ReconcileRow[];
  notice: (
    signalId: string,
    a: string,
    b: string,
  ) => Omit<SignalNotice, 'from' | 'to' | 'score' | 'at'>;
}

export async function reconcile(db: Db, r: Reconcile): Promise<DetectionSummary> {
  const { workspaceId, now } = r;
  const byPair = new Map(r.existing.map((s) => [pairKey(s.actor_a_id, s.actor_b_id), s]));
  const seen = new Set<string>();
  const inserts: NewSignal[] = [];
  const events: Parameters<typeof insertEvents>[1][number][] = [];
  const notices: SignalNotice[] = [];
  const found = r.found.signals;
  const scope = r.inScope ?? found.map((_s, k) => k);
  const out = { ...EMPTY, found: scope.length };
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

  for (const k of scope) {
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

// Overlap signals (issue 5): pairs of actors competing on the same ground, their lifecycle, notes,
// settings per workspace and the digest bookkeeping. See migration 0016 and modules/signals.

import type { Generated } from 'kysely';
import type { SignalState } from '../analytics/overlap/lifecycle.ts';

export { signalStates, type SignalState } from '../analytics/overlap/lifecycle.ts';

/**
 * detected: the pair was found for the first time; transition: a person moved it; reopened: a
 * dismissed signal came back because its facts changed materially; stale: the pair no longer
 * overlaps; current: a stale pair overlaps again.
 */
export const signalEvents = ['detected', 'transition', 'reopened', 'stale', 'current'] as const;
export type SignalEvent = (typeof signalEvents)[number];

export interface OverlapSignalsTable {
  id: string;
  workspace_id: string;
  /** The pair, ordered canonically: actor_a_id < actor_b_id (code unit order). */
  actor_a_id: string;
  actor_b_id: string;
  state: SignalState;
  score: number;
  /** fingerprintOf (analytics/overlap/fingerprint.ts) of the latest facts. */
  fingerprint: string;
  /** JSON: { facts, components, reasons, cells } of the latest detection. */
  explanation: string;
  /** JSON SignalSnapshot taken when the signal was dismissed; null otherwise. */
  dismissed_snapshot: string | null;
  dismiss_reason: string | null;
  /** The alliance formed (alliances.id, no foreign key); null unless alliance_formed. */
  alliance_id: string | null;
  /** Since when the pair no longer overlaps; null while it does. */
  stale_at: string | null;
  first_detected_at: string;
  detected_at: string;
  updated_at: string;
}

export interface OverlapSignalEventsTable {
  id: string;
  workspace_id: string;
  signal_id: string;
  /** 1, 2, 3 … per signal: the order of its history (several events may share an instant). */
  seq: number;
  event: SignalEvent;
  from_state: SignalState | null;
  to_state: SignalState;
  reason: string | null;
  alliance_id: string | null;
  /** Who moved it; null for the detection run. */
  user_id: string | null;
  created_at: string;
}

export interface OverlapSignalNotesTable {
  id: string;
  workspace_id: string;
  signal_id: string;
  author_user_id: string | null;
  body: string;
  created_at: string;
}

export interface OverlapSettingsTable {
  workspace_id: string;
  /** null: the analytics' default (DEFAULT_THRESHOLD). */
  threshold: number | null;
  /** The workspace's directory_version the signals were last detected from. */
  detected_version: number | null;
  detected_at: string | null;
  /** Raised by every change to the workspace's signals, notes or history (read-cache keys). */
  signals_version: number;
  updated_by: string | null;
  updated_at: string;
}

/** A notification already listed in a digest email (each is mailed once). */
export interface OverlapDigestItemsTable {
  notification_id: string;
  workspace_id: string;
  user_id: string;
  mailed_at: string;
}

/**
 * An actor whose overlap facts changed since the last detection, written by triggers on the
 * tables detection reads (migration 0022); detection deletes the rows it covered.
 */
export interface OverlapChangesTable {
  id: Generated<number>;
  workspace_id: string;
  actor_id: string;
}

export interface OverlapTables {
  overlap_changes: OverlapChangesTable;
  overlap_signals: OverlapSignalsTable;
  overlap_signal_events: OverlapSignalEventsTable;
  overlap_signal_notes: OverlapSignalNotesTable;
  overlap_settings: OverlapSettingsTable;
  overlap_digest_items: OverlapDigestItemsTable;
}

import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import { prepared } from '../../db/prepared.ts';
import type {
  Database,
  OverlapSettingsTable,
  OverlapSignalEventsTable,
  OverlapSignalNotesTable,
  OverlapSignalsTable,
} from '../../db/types.ts';

// Overlap signals, their events, notes and settings. Kysely only; every query filters on the
// workspace.

export type SignalRow = Selectable<OverlapSignalsTable>;
export type NewSignal = Insertable<OverlapSignalsTable>;
export type SignalSet = Omit<Updateable<OverlapSignalsTable>, 'id' | 'workspace_id'>;
export type EventRow = Selectable<OverlapSignalEventsTable>;
export type NoteRow = Selectable<OverlapSignalNotesTable>;
export type SettingsRow = Selectable<OverlapSettingsTable>;

/**
 * Rows per multi-row statement: 500 × the widest row here (15 columns) = 7,500 parameters, well
 * under SQLite's 32,766 and PostgreSQL's 65,535.
 */
const BATCH = 500;

/** Lets the event loop run other work (better-sqlite3 never yields by itself). */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes `rows` in multi-row statements of {@link BATCH}, yielding to the event loop between
 * them: a workspace's first detection writes tens of thousands of rows in one transaction, and
 * other requests should not wait for all of them (on SQLite they still wait for the database,
 * not for the process).
 */
async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) {
    if (i > 0) await yieldToLoop();
    await write(rows.slice(i, i + BATCH));
  }
}

/** Every signal of the workspace (detection compares against them; the list index reads them). */
export const allSignals = (db: Db, workspaceId: string) =>
  db
    .selectFrom('overlap_signals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();

/**
 * What detection compares against (no order, only the columns it reads): every signal, or those
 * naming one of `actorIds` (an incremental run).
 */
export async function signalsToReconcile(
  db: Db,
  workspaceId: string,
  actorIds?: readonly string[],
) {
  const base = reconcileColumns(db, workspaceId);
  if (actorIds === undefined) return base.execute();
  const byId = new Map<string, Awaited<ReturnType<typeof base.execute>>[number]>();
  // One query per end, each on its actor index (an OR of the two reads every signal).
  await inBatches(actorIds, async (ids) => {
    for (const end of ['actor_a_id', 'actor_b_id'] as const)
      for (const r of await base.where(end, 'in', ids).execute()) byId.set(r.id, r);
  });
  return [...byId.values()];
}

const reconcileColumns = (db: Db, workspaceId: string) =>
  db
    .selectFrom('overlap_signals')
    .select([
      'id',
      'actor_a_id',
      'actor_b_id',
      'state',
      'score',
      'fingerprint',
      'explanation',
      'dismissed_snapshot',
      'stale_at',
    ])
    .where('workspace_id', '=', workspaceId);

export type ReconcileRow = Awaited<ReturnType<typeof signalsToReconcile>>[number];

export const findSignal = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('overlap_signals')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function insertSignals(db: Db, rows: readonly NewSignal[]): Promise<void> {
  await inBatches(rows, (b) => db.insertInto('overlap_signals').values(b).execute());
}

export async function updateSignal(db: Db, workspaceId: string, id: string, set: SignalSet) {
  await db
    .updateTable('overlap_signals')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Moves a signal only if it is still in `from`; false when someone else moved it first. */
export async function moveSignal(
  db: Db,
  workspaceId: string,
  id: string,
  from: string,
  set: SignalSet,
): Promise<boolean> {
  const r = await db
    .updateTable('overlap_signals')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('state', '=', from as SignalRow['state'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks these signals stale (the pair no longer overlaps). */
export async function markStale(db: Db, workspaceId: string, ids: readonly string[], at: string) {
  await inBatches(ids, (b) =>
    db
      .updateTable('overlap_signals')
      .set({ stale_at: at, updated_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', b)
      .execute(),
  );
}

export async function insertEvents(
  db: Db,
  rows: readonly Insertable<OverlapSignalEventsTable>[],
): Promise<void> {
  await inBatches(rows, (b) => db.insertInto('overlap_signal_events').values(b).execute());
}

export const signalEvents = (db: Db, workspaceId: string, signalId: string) =>
  db
    .selectFrom('overlap_signal_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('signal_id', '=', signalId)
    .orderBy('seq')
    .execute();

/** The last history number of each of these signals (0 when none). */
export async function lastEventSeq(
  db: Db,
  workspaceId: string,
  signalIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(signalIds)];
  for (let i = 0; i < unique.length; i += 400) {
    const rows = await db
      .selectFrom('overlap_signal_events')
      .select((eb) => ['signal_id', eb.fn.max('seq').as('seq')])
      .where('workspace_id', '=', workspaceId)
      .where('signal_id', 'in', unique.slice(i, i + 400))
      .groupBy('signal_id')
      .execute();
    for (const r of rows) out.set(r.signal_id, Number(r.seq));
  }
  return out;
}

export async function insertNote(db: Db, row: Insertable<OverlapSignalNotesTable>) {
  await db.insertInto('overlap_signal_notes').values(row).execute();
}

export const signalNotes = (db: Db, workspaceId: string, signalId: string) =>
  db
    .selectFrom('overlap_signal_notes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('signal_id', '=', signalId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Display names of users (history and note authors). */
export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The actors of the workspace linked to these users, with their visibility. */
export async function actorsOfUsers(db: Db, workspaceId: string, userIds: readonly string[]) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  return db
    .selectFrom('actors')
    .select(['user_id', 'visibility'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', 'in', unique)
    .execute();
}

/** The workspace's coordinators with an active account (they hear of every signal). */
export async function coordinatorIds(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.role', '=', 'coordinator')
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

const settingsQuery = prepared((db, workspaceId) =>
  db.selectFrom('overlap_settings').selectAll().where('workspace_id', '=', workspaceId!),
);

/** The settings row (one prepared query: every list request reads it). */
export async function findSettings(db: Db, workspaceId: string): Promise<SettingsRow | undefined> {
  const [row] = await settingsQuery(db, workspaceId);
  return row;
}

/** Creates the settings row when missing (defaults: analytics threshold, never detected). */
export async function ensureSettings(db: Db, workspaceId: string, now: string) {
  await db
    .insertInto('overlap_settings')
    .values({
      workspace_id: workspaceId,
      threshold: null,
      detected_version: null,
      detected_at: null,
      signals_version: 0,
      updated_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
}

/**
 * Takes the workspace's detection lock for the rest of the transaction (a row lock on
 * PostgreSQL; SQLite has one writer anyway) and returns the settings as they are now.
 */
export async function lockSettings(db: Db, workspaceId: string): Promise<SettingsRow> {
  await db
    .updateTable('overlap_settings')
    .set((eb) => ({ signals_version: eb.ref('signals_version') }))
    .where('workspace_id', '=', workspaceId)
    .execute();
  return db
    .selectFrom('overlap_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

export async function setSettings(
  db: Db,
  workspaceId: string,
  set: Partial<Omit<OverlapSettingsTable, 'workspace_id' | 'signals_version'>>,
  bumpSignals = false,
) {
  await db
    .updateTable('overlap_settings')
    .set((eb) => ({
      ...set,
      ...(bumpSignals ? { signals_version: eb('signals_version', '+', 1) } : {}),
    }))
    .where('workspace_id', '=', workspaceId)
    .execute();
  if (bumpSignals || 'detected_version' in set) await copyVersionsToWorkspace(db, workspaceId);
}

/**
 * Copies the settings' signals and detected versions onto the workspace row (migration 0021),
 * which authentication reads: the signals list answers from them without a query.
 */
async function copyVersionsToWorkspace(db: Db, workspaceId: string) {
  const settings = (eb: ExpressionBuilder<Database, 'workspaces'>) =>
    eb.selectFrom('overlap_settings as s').where('s.workspace_id', '=', workspaceId);
  await db
    .updateTable('workspaces')
    .set((eb) => ({
      signals_version: settings(eb).select('s.signals_version'),
      signals_detected_version: settings(eb).select('s.detected_version'),
    }))
    .where('id', '=', workspaceId)
    .execute();
}

/** Workspaces whose signals are older than their directory or than `day` (the detection job). */
export const workspacesToDetect = (db: Db, day: string) =>
  db
    .selectFrom('workspaces as w')
    .leftJoin('overlap_settings as s', 's.workspace_id', 'w.id')
    .select(['w.id'])
    .where((eb) =>
      eb.or([
        eb('s.detected_version', 'is', null),
        eb('s.detected_version', '!=', eb.ref('w.directory_version')),
        eb('s.detected_at', '<', day),
      ]),
    )
    .orderBy('w.id')
    .execute();

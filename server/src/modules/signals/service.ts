import { newId } from '../../auth/crypto.ts';
import { DEFAULT_THRESHOLD } from '../../analytics/overlap/index.ts';
import {
  allowedMoves,
  decideTransition,
  type TransitionRefusal,
} from '../../analytics/overlap/lifecycle.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { Workspace } from '../../db/types.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { viewAlliance } from '../alliances/access.ts';
import { seesActorInfo, seesAll, signalRole, userIdOfActor } from './access.ts';
import { detectSignals, ensureDetected, type DetectedWorkspace } from './detect.ts';
import { detailOf, noteOut } from './dto.ts';
import { snapshotOfStored } from './explanation.ts';
import type { ActorInfo } from './input.ts';
import { coordinatorIds } from './repo.ts';
import { notifySignal } from './notify.ts';
import {
  actorsOfUsers,
  ensureSettings,
  findSettings,
  findSignal,
  insertEvents,
  lastEventSeq,
  insertNote,
  moveSignal,
  setSettings,
  signalEvents,
  signalNotes,
  userNames,
  type SignalRow,
} from './repo.ts';
import type {
  NoteBody,
  NoteOut,
  SettingsBody,
  SettingsOut,
  SignalDetail,
  TransitionBody,
} from './schema.ts';

// One signal: read it with its explanation, history and notes; move it through its lifecycle
// (analytics/overlap/lifecycle.ts decides); add notes; the workspace's threshold. Who may see and
// act: access.ts. A signal the caller may not see answers 404, as if it did not exist.

type Ws = DetectedWorkspace & Pick<Workspace, 'slug'>;

async function signalActors(db: Db, workspaceId: string, row: SignalRow) {
  const refs = await actorsByIds(db, workspaceId, [row.actor_a_id, row.actor_b_id]);
  const out = new Map<string, ActorInfo>();
  for (const [id, a] of refs)
    out.set(id, {
      id,
      kind: a.kind,
      sizeClass: a.size_class,
      name: a.name,
      visibility: a.visibility,
      userId: a.user_id,
    });
  return out;
}

/** The signal, its actors and the caller's role; 404 when the caller may not see it. */
async function visibleSignal(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findSignal(db, workspaceId, id);
  if (!row) throw notFound('No such signal.');
  const actors = await signalActors(db, workspaceId, row);
  const partyUserIds = [row.actor_a_id, row.actor_b_id].map((a) => actors.get(a)?.userId ?? null);
  const role = signalRole(actor, workspaceId, partyUserIds);
  if (role === 'other') throw notFound('No such signal.');
  return { row, actors, role, partyUserIds };
}

/**
 * The users among `userIds` linked to an actor the caller may not see (the other party's private
 * carrier): their id and name would name that actor. Coordinators and admins see every actor.
 */
async function hiddenUsers(db: Db, actor: Actor, workspaceId: string, userIds: string[]) {
  if (seesAll(actor, workspaceId)) return new Set<string>();
  const linked = await actorsOfUsers(db, workspaceId, userIds);
  return new Set(
    linked
      .filter(
        (a) => !seesActorInfo(actor, workspaceId, { visibility: a.visibility, userId: a.user_id }),
      )
      .map((a) => a.user_id!),
  );
}

/** One signal, detected again first when the directory changed (like the list). */
export async function getSignal(
  ctx: AppContext,
  actor: Actor,
  ws: DetectedWorkspace,
  id: string,
): Promise<SignalDetail> {
  const workspaceId = ws.id;
  assertCan(actor, 'signals.read', workspaceId);
  await ensureDetected(ctx, ws);
  const { row, actors, role } = await visibleSignal(ctx.db, actor, workspaceId, id);
  const [events, notes] = await Promise.all([
    signalEvents(ctx.db, workspaceId, id),
    signalNotes(ctx.db, workspaceId, id),
  ]);
  const userIds = [
    ...events.flatMap((e) => (e.user_id ? [e.user_id] : [])),
    ...notes.flatMap((n) => (n.author_user_id ? [n.author_user_id] : [])),
  ];
  const [names, hidden] = await Promise.all([
    userNames(ctx.db, userIds),
    hiddenUsers(ctx.db, actor, workspaceId, userIds),
  ]);
  return detailOf(actor, workspaceId, row, actors, {
    events,
    notes,
    names,
    hidden,
    allowed: allowedMoves(row.state, role),
  });
}

/** Whether the caller may see the alliance (alliances/access.ts), inside the transaction. */
async function seesAlliance(db: Db, actor: Actor, workspaceId: string, id: string, now: string) {
  try {
    await viewAlliance(db, actor, workspaceId, id, now.slice(0, 10));
    return true;
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return false;
    throw e;
  }
}

function refusal(r: TransitionRefusal, from: string, to: string): AppError {
  switch (r) {
    case 'forbidden':
      return forbidden('You may not move this signal.');
    case 'invalid_transition':
      return conflict('invalid_transition', `A signal cannot move from ${from} to ${to}.`, [
        fieldError('/to', 'invalid_transition', `Not a move from ${from}.`),
      ]);
    case 'reason_required':
      return invalid([fieldError('/reason', 'required', 'Say why the signal is dismissed.')]);
    case 'alliance_required':
      return invalid([fieldError('/allianceId', 'required', 'Name the alliance formed.')]);
  }
}

/**
 * Moves a signal: the state machine decides (403 not allowed, 409 not a move from this state,
 * 400 with every missing or unknown field), then the state, the history entry and the
 * notifications of both parties and the coordinators are written in one transaction.
 */
export async function transitionSignal(
  ctx: AppContext,
  actor: Actor,
  ws: Ws,
  id: string,
  body: TransitionBody,
): Promise<SignalDetail> {
  assertCan(actor, 'signals.act', ws.id);
  await ctx.db.transaction().execute((trx) => applyTransition(trx, ctx, actor, ws, id, body));
  return getSignal(ctx, actor, ws, id);
}

/**
 * The transition itself, inside the caller's transaction (forming an alliance from a signal
 * moves the signal in the transaction that creates the alliance).
 */
export async function applyTransition(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  ws: Pick<Workspace, 'id' | 'slug'>,
  id: string,
  body: TransitionBody,
): Promise<void> {
  assertCan(actor, 'signals.act', ws.id);
  const { row, role, partyUserIds } = await visibleSignal(trx, actor, ws.id, id);
  const reason = body.reason ?? null;
  const allianceId = body.allianceId ?? null;
  const d = decideTransition({ from: row.state, to: body.to, role, reason, allianceId });
  // 403 and 409 first; then every field error that needs no record in one 400.
  const missing = !d.ok && (d.refusal === 'reason_required' || d.refusal === 'alliance_required');
  if (!d.ok && !missing) throw refusal(d.refusal, row.state, body.to);
  const errors = !d.ok ? refusal(d.refusal, row.state, body.to).errors.slice() : [];
  if (allianceId !== null && body.to !== 'alliance_formed')
    errors.push(
      fieldError('/allianceId', 'not_allowed', 'An alliance is named only with alliance_formed.'),
    );
  if (errors.length) throw invalid(errors);
  // An alliance the caller may not see reads as unknown (its id is not confirmed).
  if (allianceId !== null && !(await seesAlliance(trx, actor, ws.id, allianceId, nowIso(ctx))))
    throw invalid([
      fieldError('/allianceId', 'unknown_alliance', 'No such alliance in this workspace.'),
    ]);
  const now = nowIso(ctx);
  const dismissing = body.to === 'dismissed';
  const moved = await moveSignal(trx, ws.id, id, row.state, {
    state: body.to,
    dismiss_reason: dismissing ? reason : null,
    dismissed_snapshot: dismissing ? JSON.stringify(snapshotOfStored(row)) : null,
    alliance_id: body.to === 'alliance_formed' ? allianceId : row.alliance_id,
    updated_at: now,
  });
  if (!moved) throw conflict('state_changed', 'The signal was moved meanwhile; reload it.');
  const me = userIdOfActor(actor);
  const last = await lastEventSeq(trx, ws.id, [id]);
  await insertEvents(trx, [
    {
      id: newId(),
      seq: (last.get(id) ?? 0) + 1,
      workspace_id: ws.id,
      signal_id: id,
      event: 'transition',
      from_state: row.state,
      to_state: body.to,
      reason,
      alliance_id: allianceId,
      user_id: me,
      created_at: now,
    },
  ]);
  await notifySignal(trx, {
    workspaceId: ws.id,
    slug: ws.slug,
    signalId: id,
    partyUserIds,
    coordinatorIds: await coordinatorIds(trx, ws.id),
    byUserId: me,
    from: row.state,
    to: body.to,
    score: Number(row.score),
    at: now,
  });
  await setSettings(trx, ws.id, {}, true); // the cached lists (list.ts)
}

/** A note by a party or a coordinator; seen by the same people only. */
export async function addNote(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  body: NoteBody,
): Promise<NoteOut> {
  assertCan(actor, 'signals.act', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    await visibleSignal(trx, actor, workspaceId, id);
    const me = userIdOfActor(actor);
    const row = {
      id: newId(),
      workspace_id: workspaceId,
      signal_id: id,
      author_user_id: me,
      body: body.text,
      created_at: nowIso(ctx),
    };
    await insertNote(trx, row);
    return noteOut(row, await userNames(trx, me ? [me] : []));
  });
}

export async function getSettings(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
): Promise<SettingsOut> {
  assertCan(actor, 'signals.read', workspaceId);
  const s = await findSettings(ctx.db, workspaceId);
  const custom = s?.threshold !== null && s?.threshold !== undefined;
  return {
    threshold: custom ? Number(s.threshold) : DEFAULT_THRESHOLD,
    defaultThreshold: DEFAULT_THRESHOLD,
    custom,
    detectedAt: s?.detected_at ?? null,
  };
}

/** Below this nearly every pair in a shared cell would be a signal: noise, not a signal. */
export const MIN_THRESHOLD = 0.05;

/** Sets the threshold (null: the default) and detects again with it. */
export async function putSettings(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  body: SettingsBody,
): Promise<SettingsOut> {
  assertCan(actor, 'signals.manage', workspaceId);
  const t = body.threshold;
  if (t !== null && !(t >= MIN_THRESHOLD && t <= 1))
    throw invalid([
      fieldError('/threshold', 'out_of_range', `The threshold is between ${MIN_THRESHOLD} and 1.`),
    ]);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await ensureSettings(trx, workspaceId, now);
    await setSettings(
      trx,
      workspaceId,
      {
        threshold: body.threshold,
        detected_version: null,
        updated_by: userIdOfActor(actor),
        updated_at: now,
      },
      true,
    );
  });
  await detectSignals(ctx, workspaceId);
  return getSettings(ctx, actor, workspaceId);
}

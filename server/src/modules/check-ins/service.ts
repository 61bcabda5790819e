import { checkInAggregates, MIN_CELL_COUNT } from '../../analytics/privacy/index.ts';
import { newId } from '../../auth/crypto.ts';
import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { CheckInsTable } from '../../db/types.ts';
import { fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { ownCarrier } from '../activities/refs-repo.ts';
import { audit } from '../audit/service.ts';
import {
  deleteOwnCheckIn,
  deleteShare,
  findOwnCheckIn,
  findSettings,
  insertCheckIn,
  insertShare,
  lastCheckInOn,
  listOwnCheckIns,
  listShares,
  listSharedCheckIns,
  memberByEmail,
  scoresThrough,
  upsertSettings,
  type CheckInRow,
} from './repo.ts';
import { addDays, nextDue, publishedThrough } from './schedule.ts';
import {
  BACKDATE_DAYS,
  type Aggregates,
  type CheckInCreate,
  type CheckInOut,
  type PeriodKindQuery,
  type SettingsBody,
  type SettingsOut,
  type ShareOut,
} from './schema.ts';

// Check-ins of carriers ("behapbaar en betekenisvol"). A check-in is read by its author and by
// the members the author shares with, and by nobody else: no role opens it, not even an admin's.
// Coordinators and admins see aggregates only. The text never leaves through logs, audit events
// or emails: audit events name the share's reader, nothing of the check-in.

const today = (ctx: AppContext) => nowIso(ctx).slice(0, 10);

const toOut = (r: CheckInRow): CheckInOut => ({
  id: r.id,
  date: r.check_in_date,
  workload: Number(r.workload),
  energy: Number(r.energy),
  supportFelt: Number(r.support_felt),
  developmentWishes: r.development_wishes,
  note: r.note,
  createdAt: r.created_at,
});

function scoreErrors(input: Pick<CheckInCreate, 'workload' | 'energy' | 'supportFelt'>) {
  return (['workload', 'energy', 'supportFelt'] as const)
    .filter((k) => input[k] < 1 || input[k] > 5)
    .map((k) => fieldError(`/${k}`, 'out_of_range', 'Must be a whole number from 1 to 5.'));
}

function dateErrors(date: string, now: string): FieldError[] {
  if (date > now) return [fieldError('/date', 'future_date', `Not later than today, ${now}.`)];
  const earliest = addDays(now, -BACKDATE_DAYS);
  return date < earliest
    ? [fieldError('/date', 'too_old', `Not earlier than ${earliest} (${BACKDATE_DAYS} days ago).`)]
    : [];
}

const noCarrier = () =>
  fieldError('/', 'no_carrier_record', 'You have no carrier record in this workspace.');

export async function fileCheckIn(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: CheckInCreate,
): Promise<CheckInOut> {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const carrier = await ownCarrier(trx, workspaceId, user.userId);
    const errors = [
      ...(carrier && carrier.kind === 'person' ? [] : [noCarrier()]),
      ...scoreErrors(input),
      ...dateErrors(input.date, today(ctx)),
    ];
    if (errors.length || !carrier) throw invalid(errors);
    const row: CheckInsTable = {
      id: newId(),
      workspace_id: workspaceId,
      carrier_id: carrier.id,
      user_id: user.userId,
      check_in_date: input.date,
      workload: input.workload,
      energy: input.energy,
      support_felt: input.supportFelt,
      development_wishes: input.developmentWishes || null,
      note: input.note || null,
      created_at: nowIso(ctx),
    };
    await insertCheckIn(trx, row);
    return row;
  });
  return toOut(row);
}

export async function getMyCheckIns(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  const { rows, total } = await listOwnCheckIns(
    ctx.db,
    workspaceId,
    user.userId,
    page.offset,
    page.limit,
  );
  return { items: rows.map(toOut), total };
}

const noSuchCheckIn = () => notFound('No such check-in.');

export async function getMyCheckIn(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'checkins.self', workspaceId);
  const row = await findOwnCheckIn(ctx.db, workspaceId, requireUser(actor).userId, id);
  if (!row) throw noSuchCheckIn();
  return toOut(row);
}

export async function removeMyCheckIn(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
) {
  assertCan(actor, 'checkins.self', workspaceId);
  if (!(await deleteOwnCheckIn(ctx.db, workspaceId, requireUser(actor).userId, id)))
    throw noSuchCheckIn();
}

export async function getSharedCheckIns(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  ownerUserId: string | undefined,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'checkins.self', workspaceId);
  const { rows, total } = await listSharedCheckIns(
    ctx.db,
    workspaceId,
    requireUser(actor).userId,
    ownerUserId,
    page.offset,
    page.limit,
  );
  return {
    items: rows.map((r) => ({ ...toOut(r), ownerUserId: r.user_id, carrierName: r.carrier_name })),
    total,
  };
}

// Sharing

export async function getShares(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'checkins.self', workspaceId);
  const rows = await listShares(ctx.db, workspaceId, requireUser(actor).userId);
  return {
    items: rows.map((r): ShareOut => ({
      userId: r.reader_user_id,
      displayName: r.display_name,
      sharedAt: r.created_at,
    })),
  };
}

/** Shares the caller's check-ins with a member; idempotent (`created` false when it existed). */
export async function shareCheckIns(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  email: string,
): Promise<{ share: ShareOut; created: boolean }> {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const carrier = await ownCarrier(trx, workspaceId, user.userId);
    const reader = await memberByEmail(trx, workspaceId, email);
    const errors: FieldError[] = carrier && carrier.kind === 'person' ? [] : [noCarrier()];
    // A non-member and a member of another workspace get the same answer.
    if (!reader)
      errors.push(fieldError('/email', 'not_a_member', 'No member of this workspace has it.'));
    else if (reader.id === user.userId)
      errors.push(fieldError('/email', 'self', 'Your check-ins are already yours.'));
    if (errors.length || !reader) throw invalid(errors);
    const now = nowIso(ctx);
    const created = await insertShare(trx, {
      workspace_id: workspaceId,
      owner_user_id: user.userId,
      reader_user_id: reader.id,
      created_at: now,
    });
    if (created)
      await audit(
        ctx,
        {
          action: 'checkins.shared',
          result: 'ok',
          actorUserId: user.userId,
          workspaceId,
          objectType: 'user',
          objectId: reader.id,
        },
        trx,
      );
    const share = (await listShares(trx, workspaceId, user.userId)).find(
      (s) => s.reader_user_id === reader.id,
    )!;
    return {
      share: { userId: reader.id, displayName: reader.display_name, sharedAt: share.created_at },
      created,
    };
  });
}

export async function revokeShare(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  readerUserId: string,
) {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteShare(trx, workspaceId, user.userId, readerUserId)))
      throw notFound('Your check-ins are not shared with this member.');
    await audit(
      ctx,
      {
        action: 'checkins.unshared',
        result: 'ok',
        actorUserId: user.userId,
        workspaceId,
        objectType: 'user',
        objectId: readerUserId,
      },
      trx,
    );
  });
}

// Settings

export async function getSettings(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
): Promise<SettingsOut> {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  const [row, last] = await Promise.all([
    findSettings(ctx.db, workspaceId, user.userId),
    lastCheckInOn(ctx.db, workspaceId, user.userId),
  ]);
  const interval = row?.reminder_interval ?? 'none';
  const anchor = row && last && last > row.interval_set_on ? last : row?.interval_set_on;
  return {
    reminderInterval: interval,
    language: row?.language ?? user.profile?.language ?? 'nl',
    lastCheckInOn: last,
    nextReminderOn: anchor ? nextDue(anchor, interval, today(ctx)) : null,
  };
}

export async function putSettings(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: SettingsBody,
): Promise<SettingsOut> {
  assertCan(actor, 'checkins.self', workspaceId);
  const user = requireUser(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const carrier = await ownCarrier(trx, workspaceId, user.userId);
    if (!carrier || carrier.kind !== 'person') throw invalid([noCarrier()]);
    const current = await findSettings(trx, workspaceId, user.userId);
    const same = current?.reminder_interval === input.reminderInterval;
    await upsertSettings(trx, {
      workspace_id: workspaceId,
      user_id: user.userId,
      reminder_interval: input.reminderInterval,
      language: input.language,
      // Changing the interval starts counting afresh; changing only the language does not.
      interval_set_on: same && current ? current.interval_set_on : today(ctx),
      updated_at: nowIso(ctx),
    });
  });
  return getSettings(ctx, actor, workspaceId);
}

// Aggregates

/** Means and distributions per period over final periods only, fewer than 5 carriers suppressed. */
export async function getAggregates(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  kind: PeriodKindQuery,
): Promise<Aggregates> {
  assertCan(actor, 'checkins.aggregates', workspaceId);
  const through = publishedThrough(today(ctx), kind, BACKDATE_DAYS);
  const rows = await scoresThrough(ctx.db, workspaceId, through);
  const periods = checkInAggregates(
    rows.map((r) => ({
      carrierId: r.carrier_id,
      date: r.check_in_date,
      workload: Number(r.workload),
      energy: Number(r.energy),
      supportFelt: Number(r.support_felt),
    })),
    kind,
  );
  return { threshold: MIN_CELL_COUNT, period: kind, publishedThrough: through, periods };
}

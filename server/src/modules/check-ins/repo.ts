import type { Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  CheckInRemindersTable,
  CheckInSettingsTable,
  CheckInSharesTable,
  CheckInsTable,
} from '../../db/types.ts';

// Check-ins, their shares, settings and reminders. Kysely only; every query of a workspace's
// data filters on the workspace, and reads of check-ins also on their author or a share.

const CHUNK = 400;

export type CheckInRow = Selectable<CheckInsTable>;

export async function insertCheckIn(db: Db, row: CheckInsTable): Promise<void> {
  await db.insertInto('check_ins').values(row).execute();
}

/** The author's check-ins, newest first. */
export async function listOwnCheckIns(
  db: Db,
  workspaceId: string,
  userId: string,
  offset: number,
  limit: number,
) {
  const where = db
    .selectFrom('check_ins')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId);
  const [rows, total] = await Promise.all([
    where
      .selectAll()
      .orderBy('check_in_date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    where.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const findOwnCheckIn = (db: Db, workspaceId: string, userId: string, id: string) =>
  db
    .selectFrom('check_ins')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function deleteOwnCheckIn(db: Db, workspaceId: string, userId: string, id: string) {
  const r = await db
    .deleteFrom('check_ins')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Check-ins whose authors share them with the reader, newest first, with the carrier's name. */
export async function listSharedCheckIns(
  db: Db,
  workspaceId: string,
  readerUserId: string,
  ownerUserId: string | undefined,
  offset: number,
  limit: number,
) {
  let where = db
    .selectFrom('check_ins as c')
    .innerJoin('check_in_shares as s', (j) =>
      j.onRef('s.workspace_id', '=', 'c.workspace_id').onRef('s.owner_user_id', '=', 'c.user_id'),
    )
    .innerJoin('actors as a', 'a.id', 'c.carrier_id')
    .where('c.workspace_id', '=', workspaceId)
    .where('s.reader_user_id', '=', readerUserId);
  if (ownerUserId) where = where.where('c.user_id', '=', ownerUserId);
  const [rows, total] = await Promise.all([
    where
      .selectAll('c')
      .select('a.name as carrier_name')
      .orderBy('c.check_in_date', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    where.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** What the aggregates need of every check-in of the workspace up to a day: no text. */
export const scoresThrough = (db: Db, workspaceId: string, through: string) =>
  db
    .selectFrom('check_ins')
    .select(['carrier_id', 'check_in_date', 'workload', 'energy', 'support_felt', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('check_in_date', '<=', through)
    .orderBy('check_in_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function lastCheckInOn(db: Db, workspaceId: string, userId: string) {
  const r = await db
    .selectFrom('check_ins')
    .select((eb) => eb.fn.max('check_in_date').as('last'))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (r?.last as string | null | undefined) ?? null;
}

// Shares

export const listShares = (db: Db, workspaceId: string, ownerUserId: string) =>
  db
    .selectFrom('check_in_shares as s')
    .innerJoin('users as u', 'u.id', 's.reader_user_id')
    .select(['s.reader_user_id', 's.created_at', 'u.display_name'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.owner_user_id', '=', ownerUserId)
    .orderBy('u.display_name')
    .orderBy('s.reader_user_id')
    .execute();

/** Records a share; false when it existed already. */
export async function insertShare(db: Db, row: CheckInSharesTable): Promise<boolean> {
  const r = await db
    .insertInto('check_in_shares')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'owner_user_id', 'reader_user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteShare(db: Db, workspaceId: string, owner: string, reader: string) {
  const r = await db
    .deleteFrom('check_in_shares')
    .where('workspace_id', '=', workspaceId)
    .where('owner_user_id', '=', owner)
    .where('reader_user_id', '=', reader)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** A member of the workspace by email (any role, active account), for sharing. */
export const memberByEmail = (db: Db, workspaceId: string, email: string) =>
  db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('users.email', '=', email)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();

// Settings and reminders

export const findSettings = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('check_in_settings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function upsertSettings(db: Db, row: CheckInSettingsTable): Promise<void> {
  await db
    .insertInto('check_in_settings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'user_id']).doUpdateSet({
        reminder_interval: row.reminder_interval,
        language: row.language,
        interval_set_on: row.interval_set_on,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/**
 * Every carrier of every workspace who asked for reminders and can still receive them: an active
 * account, still a member, still linked to a carrier record there. The job serves all workspaces.
 */
export const remindable = (db: Db) =>
  db
    .selectFrom('check_in_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'),
    )
    .select([
      's.workspace_id',
      's.user_id',
      's.reminder_interval',
      's.language',
      's.interval_set_on',
      'u.email',
      'w.slug',
    ])
    .where('s.reminder_interval', '!=', 'none')
    .where('u.deactivated_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('actors as a')
          .select('a.id')
          .whereRef('a.workspace_id', '=', 's.workspace_id')
          .whereRef('a.user_id', '=', 's.user_id'),
      ),
    )
    .orderBy('s.workspace_id')
    .orderBy('s.user_id')
    .execute();

/** The latest check-in date per workspace and author, for the given authors. */
export async function lastCheckIns(db: Db, userIds: readonly string[]) {
  const out = new Map<string, string>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('check_ins')
      .select(['workspace_id', 'user_id', (eb) => eb.fn.max('check_in_date').as('last')])
      .where('user_id', 'in', unique.slice(i, i + CHUNK))
      .groupBy(['workspace_id', 'user_id'])
      .execute();
    for (const r of rows) out.set(`${r.workspace_id} ${r.user_id}`, String(r.last));
  }
  return out;
}

/** Records a reminder as sent; false when it was already recorded (by an earlier or concurrent run). */
export async function claimReminder(db: Db, row: CheckInRemindersTable): Promise<boolean> {
  const r = await db
    .insertInto('check_in_reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'due_date']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

import type { Db } from '../../db/dialect.ts';
import { prepared } from '../../db/prepared.ts';
import type { Session, User, UserUpdate } from '../../db/types.ts';

export const findUserByEmail = (db: Db, email: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export const findUserById = (db: Db, id: string): Promise<User | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(db: Db, user: User): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export const membershipsOf = (db: Db, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([
      'workspaces.id',
      'workspaces.slug',
      'workspaces.name',
      'workspaces.gemeentecode',
      'workspaces.created_at as createdAt',
      'workspaces.directory_version as directoryVersion',
      'workspaces.signals_version as signalsVersion',
      'workspaces.signals_detected_version as signalsDetectedVersion',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('workspaces.name')
    .execute();

/**
 * Who a credential belongs to, in one round trip: the user and each of their workspaces, one row
 * per membership (a user without memberships gives one row with null workspace columns). The
 * credential's own columns come from the query that calls this.
 */
const withUserAndWorkspaces = (db: Db, from: 'sessions' | 'api_tokens') =>
  db
    .selectFrom(from)
    .innerJoin('users', 'users.id', `${from}.user_id`)
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .leftJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([
      'users.email',
      'users.display_name',
      'users.language',
      'users.deactivated_at',
      'workspaces.id as ws_id',
      'workspaces.slug as ws_slug',
      'workspaces.name as ws_name',
      'workspaces.gemeentecode as ws_gemeentecode',
      'workspaces.created_at as ws_created_at',
      'workspaces.directory_version as ws_directory_version',
      'workspaces.signals_version as ws_signals_version',
      'workspaces.signals_detected_version as ws_signals_detected_version',
      'memberships.role as ws_role',
    ])
    .orderBy('workspaces.name');

// Sessions

/**
 * A session with its user and the user's workspaces (see withUserAndWorkspaces). Every request
 * runs it, so it is compiled once (db/prepared.ts).
 */
export const findSessionWithUser = prepared((db, idHash = '') =>
  withUserAndWorkspaces(db, 'sessions')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', idHash),
);

/** An API token with its user and the user's workspaces (see withUserAndWorkspaces); compiled once. */
export const findApiTokenWithUser = prepared((db, tokenHash = '') =>
  withUserAndWorkspaces(db, 'api_tokens')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.user_id',
      'api_tokens.workspace_id as token_workspace_id',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.token_hash', '=', tokenHash),
);

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, except one when `keep` is given. Returns how many ended. */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id_hash', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export const listUserSessions = (db: Db, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();

export async function deleteExpiredSessions(
  db: Db,
  now: string,
  idleBefore: string,
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// Password resets

export async function insertPasswordReset(
  db: Db,
  row: { token_hash: string; user_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ ...row, used_at: null })
    .execute();
}

/** Marks a reset token used, only if it is unused and unexpired; returns its user when it was. */
export async function consumePasswordReset(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select(['user_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? row.user_id : undefined;
}

// Rate limits (fixed windows, shared by all instances through the database)

export async function hitRateLimit(db: Db, key: string, windowStart: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('rate_limits')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || row.window_start < windowStart) {
      await trx
        .insertInto('rate_limits')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: windowStart, count: 1 }))
        .execute();
      return 1;
    }
    await trx
      .updateTable('rate_limits')
      .set((eb) => ({ count: eb('count', '+', 1) }))
      .where('key', '=', key)
      .execute();
    return row.count + 1;
  });
}

export const readRateLimit = (db: Db, key: string) =>
  db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirst();

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function deleteStaleRateLimits(db: Db, before: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
}

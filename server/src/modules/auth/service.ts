import { hashPassword, newToken, sha256, verifyPassword } from '../../auth/crypto.ts';
import { checkPassword } from '../../auth/passwords.ts';
import { isoAfter, nowIso, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { AppError, badRequest, unauthorized } from '../../http/problem.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { passwordChangedMail, resetMail } from '../../mail/templates.ts';
import { audit } from '../audit/service.ts';
import {
  clearRateLimit,
  consumePasswordReset,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  hitRateLimit,
  insertPasswordReset,
  membershipsOf,
  readRateLimit,
  updateUser,
} from './repo.ts';
import { createSession, rateLimitKey, type NewSession } from './sessions.ts';

export const RESET_TTL_SECONDS = 30 * 60;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_MAX_FAILURES_PER_CLIENT = 20;

export async function buildMe(ctx: AppContext, userId: string, csrfToken: string | undefined) {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.deactivated_at) throw unauthorized();
  const workspaces = await membershipsOf(ctx.db, userId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    language: user.language,
    workspaces,
    ...(csrfToken ? { csrfToken } : {}),
  };
}

function windowStart(ctx: AppContext): { start: string; retryAfter: number } {
  const nowMs = ctx.clock.now().getTime();
  const size = LOGIN_WINDOW_SECONDS * 1000;
  const startMs = Math.floor(nowMs / size) * size;
  return {
    start: new Date(startMs).toISOString(),
    retryAfter: Math.max(1, Math.ceil((startMs + size - nowMs) / 1000)),
  };
}

async function assertNotLimited(ctx: AppContext, keys: [string, number][]): Promise<void> {
  const { start, retryAfter } = windowStart(ctx);
  for (const [key, max] of keys) {
    const row = await readRateLimit(ctx.db, key);
    if (row && row.window_start >= start && row.count >= max) {
      throw new AppError(429, 'rate_limited', 'Too many login attempts. Try again later.', [], {
        'Retry-After': String(retryAfter),
      });
    }
  }
}

/**
 * Email + password login. Failed attempts count per account and per client (keyed hashes, no
 * addresses stored); over the limit the answer is 429 with Retry-After.
 */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string },
  clientId: string,
): Promise<{ session: NewSession; userId: string }> {
  const email = input.email.toLowerCase();
  const accountKey = rateLimitKey(ctx, 'login-account', email);
  const clientKey = rateLimitKey(ctx, 'login-client', clientId);
  await assertNotLimited(ctx, [
    [accountKey, LOGIN_MAX_FAILURES_PER_ACCOUNT],
    [clientKey, LOGIN_MAX_FAILURES_PER_CLIENT],
  ]);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.deactivated_at) {
    const { start } = windowStart(ctx);
    await hitRateLimit(ctx.db, accountKey, start);
    await hitRateLimit(ctx.db, clientKey, start);
    await audit(ctx, { action: 'login', result: 'failed', actorUserId: user?.id ?? null });
    throw unauthorized('Email address or password is incorrect.', 'invalid_credentials');
  }
  await clearRateLimit(ctx.db, accountKey);
  const session = await ctx.db.transaction().execute(async (trx) => {
    const s = await createSession(ctx, trx, user.id);
    await audit(ctx, { action: 'login', result: 'ok', actorUserId: user.id }, trx);
    return s;
  });
  return { session, userId: user.id };
}

export async function logout(
  ctx: AppContext,
  userId: string,
  sessionIdHash: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', sessionIdHash).execute();
    await audit(ctx, { action: 'logout', result: 'ok', actorUserId: userId }, trx);
  });
}

/** Always answers the same, whether or not the account exists. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.deactivated_at) return;
  const token = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, {
      token_hash: sha256(token),
      user_id: user.id,
      created_at: nowIso(ctx),
      expires_at: isoAfter(ctx, RESET_TTL_SECONDS),
    });
    const link = `${ctx.config.publicUrl}/wachtwoord-instellen#token=${token}`;
    await enqueueEmail(ctx, trx, {
      to: user.email,
      ...resetMail[user.language]({ link, minutes: 30 }),
    });
    await audit(
      ctx,
      { action: 'password.reset_requested', result: 'ok', actorUserId: user.id },
      trx,
    );
  });
}

const tokenInvalid = () =>
  badRequest('token_invalid', 'This link is invalid, has expired or was already used.');

export async function resetPassword(
  ctx: AppContext,
  input: { token: string; password: string },
): Promise<void> {
  const errors = checkPassword(input.password);
  if (errors.length)
    throw badRequest('validation_failed', 'The new password is not acceptable.', errors);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const userId = await consumePasswordReset(trx, sha256(input.token), nowIso(ctx));
    if (!userId) throw tokenInvalid();
    await setPassword(ctx, trx, userId, hash);
    await audit(ctx, { action: 'password.reset', result: 'ok', actorUserId: userId }, trx);
  });
}

/** Stores a new password hash, ends every session of the user and tells them by email. */
export async function setPassword(
  ctx: AppContext,
  db: Db,
  userId: string,
  hash: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw tokenInvalid();
  await updateUser(db, userId, { password_hash: hash, password_changed_at: nowIso(ctx) });
  await deleteUserSessions(db, userId);
  await enqueueEmail(ctx, db, { to: user.email, ...passwordChangedMail[user.language]({}) });
}

import { hashPassword, newToken, sha256, verifyPassword } from '../../auth/crypto.ts';
import { checkPassword } from '../../auth/passwords.ts';
import { isoAfter, nowIso, type Actor, type AppContext, type Profile } from '../../context.ts';
import { requireUser } from '../../auth/policy.ts';
import type { Db } from '../../db/dialect.ts';
import { badRequest, unauthorized } from '../../http/problem.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { passwordChangedMail, resetMail } from '../../mail/templates.ts';
import { audit } from '../audit/service.ts';
import {
  clearRateLimit,
  consumePasswordReset,
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  membershipsOf,
  updateUser,
} from './repo.ts';
import { assertNotLimited, count, counter, isLimited, limits } from './rate-limit.ts';
import { createSession, type NewSession } from './sessions.ts';

export const RESET_TTL_SECONDS = 30 * 60;

/** The `Me` view of a user, read fresh (after a change). */
export async function buildMe(ctx: AppContext, userId: string, csrfToken: string | undefined) {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.deactivated_at) throw unauthorized();
  const workspaces = await membershipsOf(ctx.db, userId);
  return meView(
    userId,
    { email: user.email, displayName: user.display_name, language: user.language, workspaces },
    csrfToken,
  );
}

/** The `Me` view of the acting user from what authentication read (an API token sees its workspace). */
export function meOf(ctx: AppContext, actor: Actor, csrfToken: string | undefined) {
  const user = requireUser(actor);
  return user.profile
    ? meView(user.userId, user.profile, csrfToken)
    : buildMe(ctx, user.userId, csrfToken);
}

function meView(id: string, profile: Profile, csrfToken: string | undefined) {
  return { id, ...profile, ...(csrfToken ? { csrfToken } : {}) };
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
  const account = counter(ctx, limits.loginAccount, email);
  const client = counter(ctx, limits.loginClient, clientId);
  await assertNotLimited(ctx, account, client);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.deactivated_at) {
    await count(ctx, account, client);
    await audit(ctx, { action: 'login', result: 'failed', actorUserId: user?.id ?? null });
    throw unauthorized('Email address or password is incorrect.', 'invalid_credentials');
  }
  await clearRateLimit(ctx.db, account.key);
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
    await deleteSession(trx, sessionIdHash);
    await audit(ctx, { action: 'logout', result: 'ok', actorUserId: userId }, trx);
  });
}

/**
 * Always answers the same, whether or not the account exists. Per client address the requests
 * are limited (429); per account at most a few emails go out per window, silently.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  email: string,
  clientId: string,
): Promise<void> {
  const client = counter(ctx, limits.resetClient, clientId);
  await assertNotLimited(ctx, client);
  await count(ctx, client);
  const account = counter(ctx, limits.resetAccount, email);
  if (await isLimited(ctx, account)) return;
  await count(ctx, account);
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

import { hashPassword, verifyPassword } from '../../auth/crypto.ts';
import { checkPassword } from '../../auth/passwords.ts';
import { requireUser } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Language } from '../../db/types.ts';
import { badRequest, fieldError } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { deleteUserSessions, findUserById, listUserSessions, updateUser } from '../auth/repo.ts';
import { assertNotLimited, count, counter, limits } from '../auth/rate-limit.ts';
import { setPassword } from '../auth/service.ts';
import { createSession, type NewSession } from '../auth/sessions.ts';

export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  input: { displayName?: string | undefined; language?: Language | undefined },
): Promise<void> {
  const user = requireUser(actor);
  await updateUser(ctx.db, user.userId, {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.language !== undefined ? { language: input.language } : {}),
  });
}

/** Changes the password, ends every session (this one too) and opens a fresh one. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<NewSession> {
  const user = requireUser(actor);
  const row = await findUserById(ctx.db, user.userId);
  // Wrong current passwords count like failed logins: a hijacked session cannot guess on.
  const account = counter(ctx, limits.loginAccount, row?.email ?? user.userId);
  await assertNotLimited(ctx, account);
  const errors = checkPassword(input.newPassword, '/newPassword', row?.email);
  if (!(await verifyPassword(row?.password_hash ?? null, input.currentPassword))) {
    await count(ctx, account);
    errors.unshift(
      fieldError('/currentPassword', 'invalid_credentials', 'The current password is wrong.'),
    );
    await audit(ctx, { action: 'password.changed', result: 'failed', actorUserId: user.userId });
    throw badRequest('invalid_credentials', 'The current password is wrong.', errors);
  }
  if (errors.length)
    throw badRequest('validation_failed', 'The new password is not acceptable.', errors);
  const hash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await setPassword(ctx, trx, user.userId, hash);
    await audit(ctx, { action: 'password.changed', result: 'ok', actorUserId: user.userId }, trx);
    return createSession(ctx, trx, user.userId);
  });
}

export async function listSessions(ctx: AppContext, actor: Actor) {
  const user = requireUser(actor);
  const rows = await listUserSessions(ctx.db, user.userId);
  // The public id of a session is a prefix of its hash: enough to tell them apart, useless to log in.
  return rows.map((s) => ({
    id: s.id_hash.slice(0, 16),
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    current: s.id_hash === user.sessionIdHash,
  }));
}

export async function endOtherSessions(ctx: AppContext, actor: Actor): Promise<number> {
  const user = requireUser(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, user.userId, user.sessionIdHash);
    await audit(ctx, { action: 'sessions.ended', result: 'ok', actorUserId: user.userId }, trx);
    return ended;
  });
}

import type { AppContext } from '../context.ts';
import { deleteExpiredSessions, deleteStaleRateLimits } from '../modules/auth/repo.ts';
import { IDLE_TIMEOUT_SECONDS } from '../modules/auth/sessions.ts';
import { deleteExpiredResets } from './repo.ts';

/** Removes expired sessions, reset tokens and old rate-limit windows. */
export async function cleanup(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const iso = now.toISOString();
  await deleteExpiredSessions(
    ctx.db,
    iso,
    new Date(now.getTime() - IDLE_TIMEOUT_SECONDS * 1000).toISOString(),
  );
  await deleteExpiredResets(ctx.db, iso);
  await deleteStaleRateLimits(ctx.db, new Date(now.getTime() - 86400 * 1000).toISOString());
}

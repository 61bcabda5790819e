import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/problem.ts';
import { hitRateLimit, readRateLimit } from './repo.ts';
import { rateLimitKey } from './sessions.ts';

/**
 * Fixed-window counters in the database (shared by every instance). Keys are keyed hashes of
 * an email address or client address, so the table holds neither.
 */

export const WINDOW_SECONDS = 15 * 60;

export const limits = {
  /** Failed password checks (login, password change) per account. */
  loginAccount: { kind: 'login-account', max: 5 },
  /** Failed logins per client address. */
  loginClient: { kind: 'login-client', max: 20 },
  /** Reset emails per account: beyond this, requests are accepted but send nothing. */
  resetAccount: { kind: 'reset-account', max: 3 },
  /** Password-reset requests per client address. */
  resetClient: { kind: 'reset-client', max: 10 },
} as const;

export type Limit = (typeof limits)[keyof typeof limits];

export interface Counter {
  key: string;
  max: number;
}

export const counter = (ctx: AppContext, limit: Limit, value: string): Counter => ({
  key: rateLimitKey(ctx, limit.kind, value.toLowerCase()),
  max: limit.max,
});

function window(ctx: AppContext): { start: string; retryAfter: number } {
  const nowMs = ctx.clock.now().getTime();
  const size = WINDOW_SECONDS * 1000;
  const startMs = Math.floor(nowMs / size) * size;
  return {
    start: new Date(startMs).toISOString(),
    retryAfter: Math.max(1, Math.ceil((startMs + size - nowMs) / 1000)),
  };
}

export async function isLimited(ctx: AppContext, c: Counter): Promise<boolean> {
  const row = await readRateLimit(ctx.db, c.key);
  return !!row && row.window_start >= window(ctx).start && row.count >= c.max;
}

/** 429 with Retry-After when any counter is at its maximum in the current window. */
export async function assertNotLimited(ctx: AppContext, ...counters: Counter[]): Promise<void> {
  for (const c of counters) {
    if (await isLimited(ctx, c)) {
      throw new AppError(429, 'rate_limited', 'Too many attempts. Try again later.', [], {
        'Retry-After': String(window(ctx).retryAfter),
      });
    }
  }
}

export async function count(ctx: AppContext, ...counters: Counter[]): Promise<void> {
  const { start } = window(ctx);
  for (const c of counters) await hitRateLimit(ctx.db, c.key, start);
}

import { createHmac, randomBytes } from 'node:crypto';

/**
 * Rate limit for anonymous reports that stores no identity: counts live in memory only, keyed by
 * an HMAC of the account under a random key that is thrown away (with every count) when the window
 * ends. Nothing reaches the database or the logs, so no lasting record ties anyone to a report.
 * Per instance by design (see docs/decisions/0014-obstacle-register-anonymity.md).
 */
export class AnonymousLimit {
  private key = randomBytes(32);
  private counts = new Map<string, number>();
  private windowEnds = 0;

  constructor(
    private readonly max = 5,
    private readonly windowMs = 3600_000,
  ) {}

  /** Counts one report; false when the limit is reached (the caller answers 429). */
  take(subject: string, nowMs: number): boolean {
    if (nowMs >= this.windowEnds) {
      this.key = randomBytes(32);
      this.counts = new Map();
      this.windowEnds = nowMs + this.windowMs;
    }
    const k = createHmac('sha256', this.key).update(subject).digest('base64url');
    const n = this.counts.get(k) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(k, n + 1);
    return true;
  }

  /** Seconds until the window (and every count) is discarded. */
  retryAfter(nowMs: number): number {
    return Math.max(1, Math.ceil((this.windowEnds - nowMs) / 1000));
  }
}

const limits = new WeakMap<object, AnonymousLimit>();

/** One limiter per app context (tests build many apps in one process). */
export function anonymousLimitFor(ctx: object): AnonymousLimit {
  let l = limits.get(ctx);
  if (!l) limits.set(ctx, (l = new AnonymousLimit()));
  return l;
}

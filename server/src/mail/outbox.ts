import nodemailer from 'nodemailer';
import { newId } from '../auth/crypto.ts';
import { isoAfter, nowIso, type AppContext } from '../context.ts';
import type { Db } from '../db/dialect.ts';
import { claimDueEmails, insertOutboxEmail, markFailed, markSent, releaseClaims } from './repo.ts';

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Records an email in the outbox. Pass the transaction of the change that causes it, so the email
 * exists exactly when the change does; the job runner sends it later.
 */
export async function enqueueEmail(
  ctx: AppContext,
  db: Db,
  message: { to: string; subject: string; text: string },
): Promise<void> {
  await insertOutboxEmail(db, {
    id: newId(),
    to_address: message.to,
    subject: message.subject,
    body_text: message.text,
    created_at: nowIso(ctx),
  });
}

/** Upper bounds for one delivery, so a hung SMTP server cannot outlast the claim on an email. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
/** How long one delivery may take at most (the timeouts above, with room to spare). */
export const SEND_BUDGET_SECONDS = 90;
/** How long claimed emails stay reserved for this instance. */
export const LEASE_SECONDS = 300;

export function createTransport(ctx: Pick<AppContext, 'config'>): MailTransport {
  const { smtpUrl, env } = ctx.config;
  if (!smtpUrl) {
    return {
      send: (m) => {
        // Mail carries reset and invitation links: in production it must never go to a log.
        if (env === 'production') return Promise.reject(new Error('SMTP_URL is not configured'));
        // Development without SMTP: the message goes to the terminal.
        process.stderr.write(
          `\n--- e-mail (ontwikkelmodus) ---\nAan: ${m.to}\nOnderwerp: ${m.subject}\n\n${m.text}\n---\n`,
        );
        return Promise.resolve();
      },
    };
  }
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    send: async (m) => {
      await transporter.sendMail(m);
    },
  };
}

export const MAX_ATTEMPTS = 10;

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 6 hours. */
export const backoffSeconds = (attempts: number): number =>
  Math.min(30 * 2 ** Math.max(0, attempts - 1), 6 * 3600);

/**
 * Only a permanent refusal (SMTP 5xx) can end the retries. While the server is unreachable or
 * answers 4xx, the email stays pending however long that lasts: it is never lost.
 */
const isPermanent = (err: unknown): boolean =>
  Number((err as { responseCode?: unknown } | null)?.responseCode) >= 500;

/** Sends what is due; returns how many were sent. Safe to run on several instances at once. */
export async function sendDueEmails(
  ctx: AppContext,
  dialect: 'sqlite' | 'postgres',
  transport: MailTransport,
  batch = 20,
): Promise<number> {
  const leaseUntil = isoAfter(ctx, LEASE_SECONDS);
  const claimed = await claimDueEmails(ctx.db, dialect, nowIso(ctx), leaseUntil, batch);
  let sent = 0;
  for (const [i, email] of claimed.entries()) {
    // Never send on an expiring claim: another instance may claim the email once it lapses.
    if (isoAfter(ctx, SEND_BUDGET_SECONDS) > leaseUntil) {
      await releaseClaims(
        ctx.db,
        claimed.slice(i).map((e) => e.id),
        leaseUntil,
      );
      break;
    }
    try {
      await transport.send({
        from: ctx.config.mailFrom,
        to: email.to_address,
        subject: email.subject,
        text: email.body_text,
      });
      await markSent(ctx.db, email.id, nowIso(ctx));
      sent++;
    } catch (err) {
      const attempts = email.attempts + 1;
      const reason = err instanceof Error ? err.message : String(err);
      const final = attempts >= MAX_ATTEMPTS && isPermanent(err);
      await markFailed(
        ctx.db,
        email.id,
        attempts,
        isoAfter(ctx, backoffSeconds(attempts)),
        reason,
        final,
      );
      ctx.log.warn({ outboxId: email.id, attempts }, 'email delivery failed; will retry');
    }
  }
  return sent;
}

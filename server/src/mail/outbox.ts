import nodemailer from 'nodemailer';
import { newId } from '../auth/crypto.ts';
import { isoAfter, nowIso, type AppContext } from '../context.ts';
import type { Db } from '../db/dialect.ts';
import { claimDueEmails, insertOutboxEmail, markFailed, markSent } from './repo.ts';

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

export function createTransport(ctx: Pick<AppContext, 'config'>): MailTransport {
  const { smtpUrl } = ctx.config;
  if (!smtpUrl) {
    // Development without SMTP: the message goes to the terminal (never in production: config refuses).
    return {
      send: (m) => {
        process.stderr.write(`\n--- e-mail (ontwikkelmodus) ---\nAan: ${m.to}\nOnderwerp: ${m.subject}\n\n${m.text}\n---\n`);
        return Promise.resolve();
      },
    };
  }
  const transporter = nodemailer.createTransport(smtpUrl);
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

/** Sends what is due; returns how many were sent. Safe to run on several instances at once. */
export async function sendDueEmails(
  ctx: AppContext,
  dialect: 'sqlite' | 'postgres',
  transport: MailTransport,
  batch = 20,
): Promise<number> {
  const claimed = await claimDueEmails(ctx.db, dialect, nowIso(ctx), isoAfter(ctx, 120), batch);
  let sent = 0;
  for (const email of claimed) {
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
      await markFailed(ctx.db, email.id, attempts, isoAfter(ctx, backoffSeconds(attempts)), reason, attempts >= MAX_ATTEMPTS);
      ctx.log.warn({ outboxId: email.id, attempts }, 'email delivery failed; will retry');
    }
  }
  return sent;
}

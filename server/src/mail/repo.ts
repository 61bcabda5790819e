import { sql } from 'kysely';
import { skipLocked, type Db } from '../db/dialect.ts';
import type { Dialect } from '../config.ts';
import type { OutboxEmail } from '../db/types.ts';

export async function insertOutboxEmail(
  db: Db,
  row: Pick<OutboxEmail, 'id' | 'to_address' | 'subject' | 'body_text' | 'created_at'>,
): Promise<void> {
  await db
    .insertInto('outbox_emails')
    .values({ ...row, status: 'pending', attempts: 0, next_attempt_at: row.created_at })
    .execute();
}

/**
 * Claims due emails for this instance by leasing them (locked_until). On PostgreSQL the select
 * takes row locks with SKIP LOCKED so two instances never claim the same row; SQLite has one writer.
 */
export async function claimDueEmails(
  db: Db,
  dialect: Dialect,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxEmail[]> {
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: string }>`
      select id from outbox_emails
      where status in ('pending', 'sending') and next_attempt_at <= ${now}
        and (locked_until is null or locked_until < ${now})
      order by next_attempt_at
      limit ${limit}
      ${skipLocked(dialect)}`.execute(trx);
    const ids = due.rows.map((r) => r.id);
    if (!ids.length) return [];
    await trx
      .updateTable('outbox_emails')
      .set({ status: 'sending', locked_until: leaseUntil })
      .where('id', 'in', ids)
      .execute();
    return trx.selectFrom('outbox_emails').selectAll().where('id', 'in', ids).execute();
  });
}

/**
 * What a delivered (or finally refused) email keeps: its subject, status and times. The address
 * and the text go: they hold single-use links (password resets, invitations, questionnaires) and a
 * research participant's address, which is otherwise stored only encrypted.
 */
const SCRUBBED = { to_address: '', body_text: '' } as const;

export async function markSent(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({ status: 'sent', sent_at: now, locked_until: null, last_error: null, ...SCRUBBED })
    .where('id', '=', id)
    .execute();
}

/** Gives claimed emails back (only while this claim still holds them) for any instance to send. */
export async function releaseClaims(db: Db, ids: string[], leaseUntil: string): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('outbox_emails')
    .set({ status: 'pending', locked_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('locked_until', '=', leaseUntil)
    .execute();
}

export async function markFailed(
  db: Db,
  id: string,
  attempts: number,
  nextAttemptAt: string,
  error: string,
  final: boolean,
): Promise<void> {
  await db
    .updateTable('outbox_emails')
    .set({
      status: final ? 'failed' : 'pending',
      attempts,
      next_attempt_at: nextAttemptAt,
      locked_until: null,
      last_error: error.slice(0, 500),
      ...(final ? SCRUBBED : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

import type { Db } from '../db/dialect.ts';

export async function ensureScheduledJob(
  db: Db,
  name: string,
  intervalSeconds: number,
  now: string,
) {
  await db
    .insertInto('scheduled_jobs')
    .values({
      name,
      interval_seconds: intervalSeconds,
      next_run_at: now,
      locked_until: null,
      last_run_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** Claims a due job with one conditional update: exactly one instance wins. */
export async function claimScheduledJob(db: Db, name: string, now: string, leaseUntil: string) {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({ locked_until: leaseUntil })
    .where('name', '=', name)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishScheduledJob(
  db: Db,
  name: string,
  now: string,
  next: string,
  error: string | null,
) {
  await db
    .updateTable('scheduled_jobs')
    .set({ locked_until: null, last_run_at: now, next_run_at: next, last_error: error })
    .where('name', '=', name)
    .execute();
}

export async function deleteExpiredResets(db: Db, now: string) {
  await db.deleteFrom('password_resets').where('expires_at', '<=', now).execute();
}

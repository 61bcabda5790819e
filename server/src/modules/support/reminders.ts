import {
  REMINDER_OFFSETS,
  dayNumber,
  isoDay,
  remindersDue,
} from '../../analytics/support/index.ts';
import type { ReminderOffset } from '../../analytics/support/index.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { notifyEnding } from './notify.ts';
import { recipientUsers } from './recipients.ts';
import { claimReminder, commitmentsEndingBetween, handledReminders } from './reminder-repo.ts';

/**
 * The daily `support-reminders` job: both parties of an active commitment get one email and one
 * in-app notification 90 and 30 days before it ends (analytics/support/reminders.ts decides which
 * is due). Each reminder is recorded with its emails and notifications in one transaction, and
 * the record's key (commitment, offset) makes it happen once however often, or on how many
 * instances, the job runs. A reminder the clock passed together with a nearer one is recorded as
 * superseded, not sent.
 */
export async function remindEndingCommitments(ctx: AppContext): Promise<number> {
  const today = nowIso(ctx).slice(0, 10);
  const horizon = isoDay(dayNumber(today) + Math.max(...REMINDER_OFFSETS));
  const ending = await commitmentsEndingBetween(ctx.db, today, horizon);
  const handled = await handledReminders(
    ctx.db,
    ending.map((c) => c.id),
  );
  let mailed = 0;
  for (const c of ending) {
    const check = remindersDue(c.end_date, today, (handled.get(c.id) ?? []) as ReminderOffset[]);
    if (check.due.length + check.superseded.length === 0) continue;
    mailed += await ctx.db.transaction().execute(async (trx) => {
      let n = 0;
      const record = (offset: number, outcome: 'sent' | 'superseded') =>
        claimReminder(trx, {
          workspace_id: c.workspace_id,
          commitment_id: c.id,
          offset_days: offset,
          outcome,
          created_at: nowIso(ctx),
        });
      for (const r of check.superseded) await record(r.offsetDays, 'superseded');
      const users = check.due.length ? await recipientUsers(trx, c.workspace_id, c, today) : [];
      for (const r of check.due)
        if (await record(r.offsetDays, 'sent'))
          n += await notifyEnding(ctx, trx, c, r.offsetDays, users);
      return n;
    });
  }
  return mailed;
}

import { nowIso, type AppContext } from '../../context.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { checkInReminderMail } from '../../mail/templates.ts';
import { claimReminder, lastCheckIns, remindable } from './repo.ts';
import { latestDue } from './schedule.ts';

/**
 * The daily `check-in-reminders` job. A carrier who chose an interval is reminded every interval
 * after their last check-in (or after choosing the interval, when that is later); `none` stops
 * it. Each reminder is recorded with its email in one transaction under the key (workspace,
 * account, due date), so each due date is mailed exactly once however often, or on how many
 * instances, the job runs. The email holds a link to the check-in page and nothing else.
 */
export async function remindCheckIns(ctx: AppContext): Promise<number> {
  const today = nowIso(ctx).slice(0, 10);
  const carriers = await remindable(ctx.db);
  const last = await lastCheckIns(
    ctx.db,
    carriers.map((c) => c.user_id),
  );
  let mailed = 0;
  for (const c of carriers) {
    const lastOn = last.get(`${c.workspace_id} ${c.user_id}`);
    const anchor = lastOn && lastOn > c.interval_set_on ? lastOn : c.interval_set_on;
    const due = latestDue(anchor, c.reminder_interval, today);
    if (!due) continue;
    mailed += await ctx.db.transaction().execute(async (trx) => {
      const claimed = await claimReminder(trx, {
        workspace_id: c.workspace_id,
        user_id: c.user_id,
        due_date: due,
        created_at: nowIso(ctx),
      });
      if (!claimed) return 0;
      const link = `${ctx.config.publicUrl}/w/${c.slug}/check-in`;
      await enqueueEmail(ctx, trx, { to: c.email, ...checkInReminderMail[c.language]({ link }) });
      return 1;
    });
  }
  return mailed;
}

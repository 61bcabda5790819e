import type { AppContext } from '../../context.ts';
import { openRounds } from './repo.ts';
import { sendReminders, todayOf } from './service.ts';

/** The day `days` after `day` (YYYY-MM-DD). */
export function daysAfter(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The daily `survey-reminders` job: in every open round whose reminder day (reminder_days after
 * it opened) has come and whose closing day has not passed, each member who has not submitted
 * gets one reminder with their own link. Claimed per member with the email in one transaction,
 * so a member is reminded once however often, or on how many instances, the job runs.
 */
export async function remindSurveys(ctx: AppContext): Promise<number> {
  const today = todayOf(ctx);
  let sent = 0;
  for (const round of await openRounds(ctx.db)) {
    const opened = (round.opened_at ?? round.opens_on).slice(0, 10);
    if (today < daysAfter(opened, Number(round.reminder_days)) || today > round.closes_on) continue;
    const ws = await ctx.db
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', round.workspace_id)
      .executeTakeFirstOrThrow();
    sent += await sendReminders(ctx, round, ws.name, false);
  }
  return sent;
}

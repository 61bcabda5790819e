import { isoAfter, nowIso, type AppContext } from '../context.ts';
import type { Dialect } from '../config.ts';
import { sendDueEmails, type MailTransport } from '../mail/outbox.ts';
import { claimScheduledJob, ensureScheduledJob, finishScheduledJob } from './repo.ts';
import { cleanup } from './cleanup.ts';
import { remindOverdueObstacles } from '../modules/obstacles/reminders.ts';
import { remindEndingCommitments } from '../modules/support/reminders.ts';
import { remindCheckIns } from '../modules/check-ins/reminders.ts';
import { detectChangedWorkspaces } from '../modules/signals/detect.ts';
import { sendSignalDigests } from '../modules/signals/digest.ts';
import { remindSurveys } from '../modules/surveys/reminders.ts';

export interface ScheduledJob {
  name: string;
  intervalSeconds: number;
  run(ctx: AppContext): Promise<void>;
}

/** Later modules add their reminders and digests here. */
export const scheduledJobs: ScheduledJob[] = [
  { name: 'cleanup', intervalSeconds: 3600, run: cleanup },
  {
    name: 'obstacle-reminders',
    intervalSeconds: 86400,
    run: async (ctx) => {
      await remindOverdueObstacles(ctx);
    },
  },
  {
    name: 'support-reminders',
    intervalSeconds: 86400,
    run: async (ctx) => {
      await remindEndingCommitments(ctx);
    },
  },
  {
    name: 'check-in-reminders',
    intervalSeconds: 86400,
    run: async (ctx) => {
      await remindCheckIns(ctx);
    },
  },
  {
    name: 'overlap-detection',
    intervalSeconds: 900,
    run: async (ctx) => {
      await detectChangedWorkspaces(ctx);
    },
  },
  {
    name: 'overlap-digest',
    intervalSeconds: 86400,
    run: async (ctx) => {
      await sendSignalDigests(ctx);
    },
  },
  {
    name: 'survey-reminders',
    intervalSeconds: 86400,
    run: async (ctx) => {
      await remindSurveys(ctx);
    },
  },
];

/**
 * Runs due scheduled jobs and sends the email outbox. State lives in the database, so any number
 * of instances can run this loop: a job is claimed by a conditional update, emails by row locks.
 */
export async function runDueWork(
  ctx: AppContext,
  dialect: Dialect,
  transport: MailTransport,
): Promise<void> {
  for (const job of scheduledJobs) {
    await ensureScheduledJob(ctx.db, job.name, job.intervalSeconds, nowIso(ctx));
    if (!(await claimScheduledJob(ctx.db, job.name, nowIso(ctx), isoAfter(ctx, 600)))) continue;
    let error: string | null = null;
    try {
      await job.run(ctx);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      ctx.log.error({ job: job.name }, 'scheduled job failed');
    }
    await finishScheduledJob(
      ctx.db,
      job.name,
      nowIso(ctx),
      isoAfter(ctx, job.intervalSeconds),
      error,
    );
  }
  await sendDueEmails(ctx, dialect, transport);
}

export function startJobRunner(
  ctx: AppContext,
  dialect: Dialect,
  transport: MailTransport,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runDueWork(ctx, dialect, transport)
      .catch((err: unknown) =>
        ctx.log.error({ err: { message: (err as Error).message } }, 'job runner tick failed'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, ctx.config.jobPollMs);
      });
  };
  let timer = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

import { UsageError, type Run } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

/**
 * `jobs run [--job <name>]`: runs the scheduled jobs (or one) now, whatever their schedule, for
 * operators (after restoring a backup, after changing dates by hand) and for the browser journeys.
 * The jobs are safe to repeat: every reminder is claimed once per record and threshold in the
 * transaction that queues its email. Emails go out through the outbox, sent by the running server
 * (or the next one to start); the schedule itself is left as it is.
 */
export const jobsRunCommand: Run = async (v) => {
  const { scheduledJobs } = await import('../jobs/runner.ts');
  const name = v.job === undefined ? undefined : String(v.job);
  const jobs = name === undefined ? scheduledJobs : scheduledJobs.filter((j) => j.name === name);
  if (!jobs.length)
    throw new UsageError(`--job must be one of: ${scheduledJobs.map((j) => j.name).join(', ')}`);
  return withContext(async (ctx) => {
    for (const job of jobs) {
      await job.run(ctx);
      out(`Ran ${job.name}.`);
    }
    return 0;
  });
};

import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed.ts';
import { startJobRunner } from '../jobs/runner.ts';
import { createTransport } from '../mail/outbox.ts';
import type { Run } from './args.ts';
import { printLogins } from './output.ts';

/** `serve [--demo]`: runs until SIGINT or SIGTERM closes the server. */
export const serveCommand: Run = async (v) => {
  const config = loadConfig();
  const { app, ctx, database } = await buildApp(config);
  if (v.demo) {
    if (config.env === 'production') {
      app.log.warn('--demo is ignored in production');
    } else {
      const r = await seedDemo(ctx);
      printLogins(r.logins);
    }
  }
  const stopJobs = startJobRunner(ctx, database.dialect, createTransport(ctx));
  const shutdown = async () => {
    await stopJobs();
    await app.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(`Wijkdragers draait op ${config.publicUrl}\n`);
  return new Promise<number>((resolve) => app.server.once('close', () => resolve(0)));
};

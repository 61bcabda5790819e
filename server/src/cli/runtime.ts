import pino from 'pino';
import { loadConfig, type Config } from '../config.ts';
import { systemClock, type AppContext } from '../context.ts';
import { openDatabase, type DatabaseHandle } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** A context for one CLI command: config, migrated database, logger to stderr. */
export async function withContext<T>(
  fn: (ctx: AppContext, handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(handle.db);
    const log = pino({ level: config.logLevel }, pino.destination(2));
    return await fn({ config, db: handle.db, clock: systemClock, log }, handle, config);
  } finally {
    await handle.destroy();
  }
}

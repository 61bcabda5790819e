import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/dialect.ts';
import { migrateDownAll, migrateToLatest } from '../db/migrate.ts';
import type { Run } from './args.ts';
import { out } from './output.ts';

/** `migrate [--down]`: without withContext, which would migrate up first. */
export const migrateCommand: Run = async (v) => {
  const config = loadConfig();
  const handle = openDatabase(config.databaseUrl);
  try {
    const names = v.down ? await migrateDownAll(handle.db) : await migrateToLatest(handle.db);
    out(
      names.length
        ? `${v.down ? 'Rolled back' : 'Applied'}: ${names.join(', ')}`
        : 'Nothing to do.',
    );
  } finally {
    await handle.destroy();
  }
  return 0;
};

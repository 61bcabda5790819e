import { Migrator } from 'kysely';
import { withMigrationLock, type Db } from './dialect.ts';
import { migrationProvider } from './migrations/index.ts';

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

function raise(error: unknown, what: string): never {
  throw new Error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** Applies every pending migration. On SQLite a failed migration rolls back completely. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const results = await withMigrationLock(db, async () => {
    const { error, results } = await migrator(db).migrateToLatest();
    if (error) raise(error, 'Migration');
    return results ?? [];
  });
  return results.map((r) => r.migrationName);
}

/** Rolls back every migration (used by the up/down/up test and `migrate --down`). */
export async function migrateDownAll(db: Db): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const results = await withMigrationLock(db, async () => {
      const { error, results } = await migrator(db).migrateDown();
      if (error) raise(error, 'Rollback');
      return results ?? [];
    });
    if (!results.length) return done;
    done.push(...results.map((r) => r.migrationName));
  }
}
